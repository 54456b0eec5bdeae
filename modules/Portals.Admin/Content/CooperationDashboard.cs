using System.Globalization;
using System.Text.Json.Nodes;
using Portals.Admin.Http;
using Portals.Core.Content;
using Portals.Core.Definitions;
using Portals.Core.Tenants;

namespace Portals.Admin.Content;

/// <summary>A cooperation programme with the sector agreements and key projects that name it (ContentPickerField <c>Program</c>).</summary>
public sealed record ProgramSummary(ContentItem? Program, IReadOnlyList<ContentItem> Agreements, IReadOnlyList<ContentItem> Projects);

/// <summary>An investment call whose deadline is near.</summary>
public sealed record ClosingCall(ContentItem Call, DateOnly Deadline);

public sealed record DashboardData(
    IReadOnlyList<ProgramSummary> Programs,
    IReadOnlyList<ContentItem> LatestReports,
    IReadOnlyList<ClosingCall> ClosingCalls,
    IReadOnlyList<ContentItem> AwaitingReview,
    IReadOnlyList<ContentItem> MyDrafts,
    ContentDefinitionSet Definitions)
{
    /// <summary>The name of a predefined option (e.g. a key project's status), or the stored value.</summary>
    public string OptionName(ContentItem item, string field)
    {
        var value = item.Part(item.ContentType)?[field]?["Text"] is JsonValue v && v.TryGetValue(out string? text) ? text : null;
        var type = Definitions.FindType(item.ContentType);
        var options = type is null ? [] : EditorSchema.For(type, Definitions).FirstOrDefault(f => f.FieldName == field)?.Options ?? [];
        return options.FirstOrDefault(o => o.Value == value)?.Name ?? value ?? "";
    }
}

/// <summary>Reads what the cooperation section's dashboard shows, from the latest versions (drafts included: it is the editors' view).</summary>
public sealed class CooperationDashboard(IContentStore store, TimeProvider clock)
{
    public const int ClosingWithinDays = 60;
    private const int Many = 500;

    public async Task<DashboardData> LoadAsync(TenantContext tenant, ContentActor actor, CancellationToken cancellationToken)
    {
        await using var session = await store.OpenAsync(tenant, cancellationToken);
        var definitions = await session.GetDefinitionsAsync(cancellationToken);
        async Task<List<ContentItem>> Latest(string? type, int size, ContentSort sort, ContentStatus status = ContentStatus.Any, string? owner = null) =>
            type is not null && definitions.FindType(type) is null ? [] :
            (await session.QueryAsync(new ContentQuery(type, PageSize: size, Sort: sort, Version: VersionOptions.Latest, Status: status, Owner: owner), cancellationToken))
                .Items.Select(ContentItem.Parse).ToList();

        var programs = await Latest("CooperationProgram", 50, ContentSort.TitleAscending);
        var agreements = await Latest("SectorAgreement", Many, ContentSort.TitleAscending);
        var projects = await Latest("KeyProject", Many, ContentSort.TitleAscending);
        var summaries = programs.Select(p => new ProgramSummary(p,
            agreements.Where(a => Names(a, p.ContentItemId)).ToList(), projects.Where(k => Names(k, p.ContentItemId)).ToList())).ToList();
        var ids = programs.Select(p => p.ContentItemId).ToHashSet(StringComparer.Ordinal);
        var unlinked = new ProgramSummary(null, agreements.Where(a => !Program(a).Any(ids.Contains)).ToList(), projects.Where(k => !Program(k).Any(ids.Contains)).ToList());
        if (unlinked.Agreements.Count + unlinked.Projects.Count > 0)
        {
            summaries.Add(unlinked);
        }

        var today = DateOnly.FromDateTime(AdminFormat.ToLocal(clock.GetUtcNow().UtcDateTime));
        var closing = (await Latest("InvestmentCall", Many, ContentSort.ModifiedDescending))
            .Select(c => Deadline(c) is { } day ? new ClosingCall(c, day) : null).OfType<ClosingCall>()
            .Where(c => c.Deadline >= today && c.Deadline <= today.AddDays(ClosingWithinDays) && OptionValue(c.Call, "Status") != "het-han")
            .OrderBy(c => c.Deadline).Take(8).ToList();

        return new DashboardData(
            summaries,
            await Latest("ProgressReport", 5, ContentSort.ModifiedDescending),
            closing,
            actor.CanPublish ? await Latest(null, 10, ContentSort.ModifiedDescending, ContentStatus.InReview) : [],
            await Latest(null, 10, ContentSort.ModifiedDescending, ContentStatus.Draft, actor.UserName),
            definitions);
    }

    private static bool Names(ContentItem item, string programId) => Program(item).Contains(programId, StringComparer.Ordinal);

    private static IEnumerable<string> Program(ContentItem item) =>
        item.Part(item.ContentType)?["Program"]?["ContentItemIds"] is JsonArray ids
            ? ids.Select(i => i is JsonValue v && v.TryGetValue(out string? s) ? s : null).OfType<string>() : [];

    private static string? OptionValue(ContentItem item, string field) =>
        item.Part(item.ContentType)?[field]?["Text"] is JsonValue v && v.TryGetValue(out string? text) ? text : null;

    private static DateOnly? Deadline(ContentItem call) =>
        call.Part("InvestmentCall")?["Deadline"]?["Value"] is JsonValue v && v.TryGetValue(out string? text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime) : null;
}
