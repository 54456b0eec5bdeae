using System.Text.Json.Nodes;
using Portals.Core.Content;

namespace Portals.Core.Audit;

/// <summary>
/// What a content save records in the audit log, the same for every path (admin form, JSON API): created or edited,
/// then published, scheduled or submitted for review when this save did that.
/// </summary>
public static class ContentAudit
{
    public static IReadOnlyList<string> ForSave(ContentItem? previous, ContentItem saved)
    {
        var actions = new List<string> { previous is null ? AuditActions.ContentCreated : AuditActions.ContentEdited };
        if (saved.Published)
        {
            actions.Add(AuditActions.ContentPublished);
        }
        else if (Schedule(saved) is { } schedule && schedule != Schedule(previous))
        {
            actions.Add(AuditActions.ContentScheduled);
        }
        if (ReviewPart.SubmittedUtc(saved) is { } submitted && submitted != (previous is null ? null : ReviewPart.SubmittedUtc(previous)))
        {
            actions.Add(AuditActions.ContentSubmittedForReview);
        }
        return actions;
    }

    /// <summary>The detail of an entry about an item: its type and title, readable in the log.</summary>
    public static string Detail(ContentItem item) => $"{item.ContentType}: {item.DisplayText ?? item.Title}";

    private static string? Schedule(ContentItem? item) =>
        item?.Part("PublishLaterPart")?["ScheduledPublishUtc"] is JsonValue value && value.TryGetValue(out string? text)
            && !string.IsNullOrWhiteSpace(text) ? text : null;
}
