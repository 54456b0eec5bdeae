using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Content;
using Portals.Core.Validation;

namespace Portals.Core.Data;

/// <summary>The prepare step of a save: what every path (API, recipe, admin form) goes through before anything is written.</summary>
internal sealed partial class EfContentSession
{
    private readonly Dictionary<string, IReadOnlySet<string>?> _taxonomies = new(StringComparer.Ordinal);

    private static void AssignId(ContentItem item, SaveRequest request)
    {
        if (string.IsNullOrEmpty(item.ContentItemId))
        {
            item.ContentItemId = ContentIds.New();
        }
        else if (!ContentIds.IsValid(item.ContentItemId))
        {
            throw new ContentValidationException([new("ContentItemId", "Mã nội dung chỉ gồm chữ, số, '-' hoặc '_' và dài tối đa 64 ký tự.")]);
        }
        if (request.Mode == SaveMode.Import && item.ContentItemVersionId is { } version && !ContentIds.IsValid(version))
        {
            throw new ContentValidationException([new("ContentItemVersionId", "Mã phiên bản chỉ gồm chữ, số, '-' hoặc '_' và dài tối đa 64 ký tự.")]);
        }
    }

    /// <summary>Publishing rights, server-set metadata, validation, sanitizing and the path; throws before anything is written.</summary>
    private async Task<SavePlan> PrepareAsync(ContentItem item, SaveRequest request, ContentItem? previous, DateTime now, CancellationToken cancellationToken)
    {
        var publish = request.Mode == SaveMode.Publish || (request.Mode == SaveMode.Import && item.Published);
        CheckPublishRights(item, request, previous, publish);
        if (request.Mode != SaveMode.Import)
        {
            // Never the client's values: the owner is whoever created the item, the author whoever wrote this version.
            item.Owner = previous?.Owner ?? request.Caller;
            item.Author = request.Caller ?? previous?.Author;
        }

        var definitions = await GetDefinitionsAsync(cancellationToken);
        var type = definitions.FindType(item.ContentType);
        var titled = type?.HasPart("TitlePart") == true;
        if (titled)
        {
            // Derived from the title once it is valid, so a bad title is reported once, under its own name.
            item.DisplayText = null;
        }
        foreach (var taxonomy in ContentValidator.TaxonomiesOf(item, definitions).Where(t => !_taxonomies.ContainsKey(t)))
        {
            _taxonomies[taxonomy] = await LoadTermsAsync(taxonomy, cancellationToken);
        }
        var errors = ContentValidator.Validate(item, definitions, taxonomy => _taxonomies.GetValueOrDefault(taxonomy));
        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }
        if (titled)
        {
            item.DisplayText = item.Title;
        }
        HtmlPolicy.SanitizeItem(item, definitions);
        if (type!.HasPart("AutoroutePart"))
        {
            item.Path = await UniquePathAsync(item, cancellationToken);
        }
        var scheduled = ScheduledPublish(item, now);
        if (publish || scheduled is not null)
        {
            // Publishing or scheduling is the review's outcome: the request ends here.
            ReviewPart.Clear(item);
        }
        return new SavePlan(publish && scheduled is null, scheduled, definitions);
    }

    /// <summary>
    /// A schedule is a publication: without PublishContent, publishing or posting a schedule is refused, and a
    /// schedule merged in from the version being replaced is dropped, so the caller's edit waits for review.
    /// </summary>
    private static void CheckPublishRights(ContentItem item, SaveRequest request, ContentItem? previous, bool publish)
    {
        if (request.MayPublish)
        {
            return;
        }
        if (publish)
        {
            throw ContentPermissionException.Publish(item.ContentItemId, scheduled: false);
        }
        if (Schedule(item) is not { } schedule)
        {
            return;
        }
        if (!JsonNode.DeepEquals(schedule, Schedule(previous)))
        {
            throw ContentPermissionException.Publish(item.ContentItemId, scheduled: true);
        }
        item.Part("PublishLaterPart")!.Remove("ScheduledPublishUtc");
    }

    /// <summary>The new version's id, dates and, for new items, creation time. Imports keep the values they carry.</summary>
    private async Task StampAsync(ContentItem item, SaveRequest request, ContentItem? previous, DateTime now, CancellationToken cancellationToken)
    {
        var import = request.Mode == SaveMode.Import;
        if (!import || item.ContentItemVersionId is not { } version
            || await db.ContentItems.AnyAsync(r => r.ContentItemVersionId == version, cancellationToken))
        {
            item.ContentItemVersionId = ContentIds.New();
        }
        if (!import || item.CreatedUtc is null)
        {
            item.CreatedUtc = previous?.CreatedUtc ?? now;
        }
        if (!import || item.ModifiedUtc is null)
        {
            item.ModifiedUtc = now;
        }
    }

    private static JsonNode? Schedule(ContentItem? item) =>
        item?.Part("PublishLaterPart")?["ScheduledPublishUtc"] is { } node
            && !(node is JsonValue value && value.TryGetValue(out string? text) && string.IsNullOrWhiteSpace(text))
            ? node : null;

    private static DateTime? ScheduledPublish(ContentItem item, DateTime now) =>
        Schedule(item) is JsonValue v && v.TryGetValue(out string? s)
            && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            && at > now ? at : null;
}
