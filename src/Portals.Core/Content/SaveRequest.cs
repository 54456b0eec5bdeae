using Portals.Core.Security;
using Portals.Core.Validation;

namespace Portals.Core.Content;

/// <summary>How a save treats publication; imports keep the item's own metadata and flags.</summary>
public enum SaveMode
{
    Draft,
    Publish,
    Import,
}

/// <summary>
/// One save and what the store must know about its caller. Every path (API, recipe, admin form) says whether the
/// caller holds <see cref="Permissions.PublishContent"/>, because a scheduled publication is a publication:
/// without it, publishing or posting a schedule is refused, and a schedule inherited from an earlier version is
/// dropped, so the caller's edit cannot go live unreviewed.
/// </summary>
public sealed record SaveRequest(SaveMode Mode, bool MayPublish)
{
    /// <summary>
    /// The user or API client saving. It becomes a new item's <c>Owner</c> and each version's <c>Author</c>;
    /// values sent by the client are ignored. Imports keep the item's own values.
    /// </summary>
    public string? Caller { get; init; }

    /// <summary>The latest version the change was based on (read to merge into, or to check If-Match), if any.</summary>
    public ExpectedVersion? Expected { get; init; }

    /// <summary>A recipe import: recipes run with the administrator's rights.</summary>
    public static SaveRequest Import { get; } = new(SaveMode.Import, MayPublish: true);
}

/// <summary>
/// What the caller expects the item's latest version to be: its stored JSON exactly as read (the API's ETag is a hash
/// of it), or <see cref="NoItem"/> when the item must not exist yet.
/// </summary>
public sealed record ExpectedVersion(string? LatestJson)
{
    public static ExpectedVersion NoItem { get; } = new((string?)null);

    public bool Matches(string? latestJson) => string.Equals(LatestJson, latestJson, StringComparison.Ordinal);
}

/// <summary>Short forms for code that runs with full rights (tools, tests, imports): a publishing mode implies the right to publish.</summary>
public static class ContentWriterExtensions
{
    public static Task<ContentItem> SaveAsync(this IContentWriter writer, ContentItem item, SaveMode mode, CancellationToken cancellationToken) =>
        writer.SaveAsync(item, new SaveRequest(mode, MayPublish: mode != SaveMode.Draft), cancellationToken);

    public static Task<ContentItem?> PublishAsync(this IContentWriter writer, string contentItemId, CancellationToken cancellationToken) =>
        writer.PublishAsync(contentItemId, null, cancellationToken);

    public static Task<bool> UnpublishAsync(this IContentWriter writer, string contentItemId, CancellationToken cancellationToken) =>
        writer.UnpublishAsync(contentItemId, null, cancellationToken);

    public static Task<bool> DeleteAsync(this IContentWriter writer, string contentItemId, CancellationToken cancellationToken) =>
        writer.DeleteAsync(contentItemId, null, cancellationToken);
}

public sealed class ContentValidationException(IReadOnlyList<FieldError> errors)
    : Exception("Nội dung không hợp lệ: " + string.Join(" ", errors.Select(e => $"[{e.Key}] {e.Message}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

/// <summary>The caller lacks a permission the change needs (e.g. PublishContent to publish or schedule). HTTP 403.</summary>
public sealed class ContentPermissionException(string permission, string message) : Exception(message)
{
    public string Permission { get; } = permission;

    public static ContentPermissionException Publish(string contentItemId, bool scheduled) => new(Permissions.PublishContent, scheduled
        ? $"Hẹn giờ xuất bản mục '{contentItemId}' cần quyền {Permissions.PublishContent}."
        : $"Xuất bản mục '{contentItemId}' cần quyền {Permissions.PublishContent}.");
}

/// <summary>The item's latest version is not the one the change was based on. HTTP 412.</summary>
public sealed class ContentConflictException(string contentItemId)
    : Exception($"Mục '{contentItemId}' đã được thay đổi kể từ lần đọc trước; hãy đọc lại rồi áp dụng thay đổi.")
{
    public string ContentItemId { get; } = contentItemId;
}
