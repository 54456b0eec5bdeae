using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Portals.Core.Audit;
using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Admin.Content;

/// <summary>The outcome of a change to the sectors: done, or the message to show (the form keeps what was typed).</summary>
public sealed record SectorChange(bool Done, string? Error = null, bool Conflict = false);

/// <summary>
/// Administrators add, rename and reorder the sector terms: each change saves (and publishes) a new version of the
/// <c>sector-taxonomy</c> item based on the version the page showed, with its audit entry, in one transaction.
/// Terms are never removed here: items refer to them by id.
/// </summary>
public sealed class SectorEditing(IContentStore store, IStringLocalizer<ContentText> text, ILogger<SectorEditing> logger)
{
    public const int MaxNameLength = 200;

    public Task<SectorChange> AddAsync(TenantContext tenant, ContentActor actor, string basedOn, string? name, CancellationToken cancellationToken) =>
        ChangeAsync(tenant, actor, basedOn, name, (terms, title) =>
        {
            var id = NewId(terms, title);
            terms.Add(new JsonObject
            {
                ["ContentItemId"] = id,
                ["ContentItemVersionId"] = null,
                ["ContentType"] = "Sector",
                ["DisplayText"] = title,
                ["Latest"] = true,
                ["Published"] = true,
                ["TitlePart"] = new JsonObject { ["Title"] = title },
            });
            return $"+ {id}: {title}";
        }, cancellationToken);

    public Task<SectorChange> RenameAsync(TenantContext tenant, ContentActor actor, string basedOn, string termId, string? name, CancellationToken cancellationToken) =>
        ChangeAsync(tenant, actor, basedOn, name, (terms, title) =>
        {
            if (terms.OfType<JsonObject>().FirstOrDefault(t => TaxonomyTerms.Id(t) == termId) is not { } term)
            {
                return null;
            }
            var before = TaxonomyTerms.Title(term);
            term["DisplayText"] = title;
            term["TitlePart"] = new JsonObject { ["Title"] = title };
            return $"{termId}: {before} → {title}";
        }, cancellationToken, renaming: termId);

    public Task<SectorChange> MoveAsync(TenantContext tenant, ContentActor actor, string basedOn, string termId, int offset, CancellationToken cancellationToken) =>
        ChangeAsync(tenant, actor, basedOn, name: null, (terms, _) =>
        {
            var index = terms.Select(TaxonomyTerms.Id).ToList().IndexOf(termId);
            var target = index + offset;
            if (index < 0 || target < 0 || target >= terms.Count)
            {
                return null;
            }
            var term = terms[index]!;
            terms.RemoveAt(index);
            terms.Insert(target, term);
            return $"{termId}: {index + 1} → {target + 1}";
        }, cancellationToken);

    private async Task<SectorChange> ChangeAsync(TenantContext tenant, ContentActor actor, string basedOn, string? name,
        Func<JsonArray, string, string?> change, CancellationToken cancellationToken, string? renaming = null)
    {
        var title = name?.Trim() ?? "";
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        var latestJson = await session.GetJsonAsync(TaxonomyTerms.SectorTaxonomyId, VersionOptions.Latest, cancellationToken);
        if (latestJson is null)
        {
            return new(false, text["Sectors.Missing"]);
        }
        var taxonomy = ContentItem.Parse(latestJson);
        if (taxonomy.ContentItemVersionId != basedOn)
        {
            return new(false, text["Sectors.Conflict"], Conflict: true);
        }
        var terms = TaxonomyTerms.TopLevel(taxonomy);
        if (name is not null && Problem(terms, title, renaming) is { } problem)
        {
            return new(false, problem);
        }
        if (change(terms, title) is not { } detail)
        {
            return new(false, text["Sectors.NotFound"]);
        }
        try
        {
            var saved = await session.SaveAsync(taxonomy, new SaveRequest(SaveMode.Publish, actor.CanPublish) { Caller = actor.UserName, Expected = new ExpectedVersion(latestJson) }, cancellationToken);
            await session.Audit().AppendAsync(actor.Audit(AuditActions.ContentEdited, saved, detail), cancellationToken);
            await session.CommitAsync(cancellationToken);
        }
        catch (ContentConflictException)
        {
            return new(false, text["Sectors.Conflict"], Conflict: true);
        }
        catch (ContentPermissionException)
        {
            return new(false, text["Sectors.NeedsPublish"]);
        }
        AdminLog.ContentChanged(logger, actor.UserName, tenant.Name, "Sectors", TaxonomyTerms.SectorTaxonomyId);
        return new(true);
    }

    private string? Problem(JsonArray terms, string title, string? renaming)
    {
        if (title.Length == 0)
        {
            return text["Sectors.NameRequired"];
        }
        if (title.Length > MaxNameLength)
        {
            return text["Sectors.NameTooLong", MaxNameLength];
        }
        var folded = VietnameseText.Fold(title);
        return terms.OfType<JsonObject>().Any(t => TaxonomyTerms.Id(t) != renaming && VietnameseText.Fold(TaxonomyTerms.Title(t)) == folded)
            ? text["Sectors.NameTaken", title].Value : null;
    }

    /// <summary><c>sector-</c> + the name as a slug (Vietnamese folded), numbered when taken.</summary>
    private static string NewId(JsonArray terms, string title)
    {
        var taken = terms.Select(TaxonomyTerms.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var slug = VietnameseText.Slugify(title, maxLength: 48).TrimEnd('-');
        var stem = "sector-" + (slug.Length == 0 ? "moi" : slug);
        var id = stem;
        for (var n = 2; taken.Contains(id); n++)
        {
            id = $"{stem}-{n}";
        }
        return id;
    }
}
