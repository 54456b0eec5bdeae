using Portals.Admin.Identity;
using Portals.Core.Audit;
using Portals.Core.Content;
using Portals.Core.Security;

namespace Portals.Admin.Content;

/// <summary>
/// Who is changing content from the admin, and what their roles let them do. Authors (EditOwnContent without
/// EditContent) change only the items they created; publishing and scheduling need PublishContent, which the store
/// enforces again from <see cref="CanPublish"/>.
/// </summary>
public sealed record ContentActor(string UserName, string? Address, IReadOnlySet<string> Permissions)
{
    public static ContentActor Of(AdminUser user, string? address) => new(user.UserName, address, user.Permissions);

    public bool CanEditAny => Permissions.Contains(Core.Security.Permissions.EditContent);

    public bool CanPublish => Permissions.Contains(Core.Security.Permissions.PublishContent);

    public bool CanDelete => Permissions.Contains(Core.Security.Permissions.DeleteContent);

    public bool CanSubmit => Permissions.Contains(Core.Security.Permissions.SubmitForReview);

    /// <summary>Whether the actor may change this item (and so see its editor, restore a version, delete it).</summary>
    public bool MayEdit(ContentItem item) => CanEditAny || string.Equals(item.Owner, UserName, StringComparison.Ordinal);

    public AuditEntry Audit(string action, ContentItem item, string? detail = null) =>
        new(action, UserName, Address, item.ContentItemId, detail ?? ContentAudit.Detail(item));
}

/// <summary>The workflow state an item shows in lists and on its editor (that of its latest version).</summary>
public static class ContentStates
{
    public static ContentStatus Of(ContentItem latest, DateTime nowUtc) =>
        latest.Published ? ContentStatus.Published
        : ScheduledUtc(latest) is { } at && at > nowUtc ? ContentStatus.Scheduled
        : ReviewPart.SubmittedUtc(latest) is not null ? ContentStatus.InReview
        : ContentStatus.Draft;

    public static DateTime? ScheduledUtc(ContentItem item) =>
        item.Part("PublishLaterPart")?["ScheduledPublishUtc"] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue(out string? text)
            && DateTime.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at : null;

    /// <summary>The ContentText key naming a state.</summary>
    public static string Key(ContentStatus status) => "Status." + status;
}
