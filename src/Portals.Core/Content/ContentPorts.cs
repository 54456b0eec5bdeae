using System.Text.Json.Nodes;
using Portals.Core.Definitions;

namespace Portals.Core.Content;

/// <summary>Reads of content versions. Reads never start the write transaction.</summary>
public interface IContentReader
{
    Task<ContentItem?> GetAsync(string contentItemId, VersionOptions version, CancellationToken cancellationToken);

    /// <summary>The given items' versions in one query; ids without such a version are absent from the result.</summary>
    Task<IReadOnlyList<ContentItem>> GetManyAsync(IReadOnlyCollection<string> contentItemIds, VersionOptions version, CancellationToken cancellationToken);

    /// <summary>The stored JSON without materializing it: the fast path for reads.</summary>
    Task<string?> GetJsonAsync(string contentItemId, VersionOptions version, CancellationToken cancellationToken);

    /// <summary>The published item at a path; leading and trailing slashes and letter case do not matter.</summary>
    Task<string?> GetPublishedJsonByPathAsync(string path, CancellationToken cancellationToken);

    Task<ContentPage> QueryAsync(ContentQuery query, CancellationToken cancellationToken);

    /// <summary>Every item's latest version, oldest item first.</summary>
    Task<IReadOnlyList<ContentItem>> ListLatestAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every version that is published or latest, as an export needs them: items oldest first; an item published with
    /// a newer draft gives two versions, the published one first.
    /// </summary>
    Task<IReadOnlyList<ContentItem>> ListCurrentVersionsAsync(CancellationToken cancellationToken);

    /// <summary>Ids of every item that has a published version, oldest first.</summary>
    Task<IReadOnlyList<string>> ListPublishedIdsAsync(CancellationToken cancellationToken);

    /// <summary>Every stored version of an item (its history), newest first; empty when the item does not exist.</summary>
    Task<IReadOnlyList<ContentVersionInfo>> ListVersionsAsync(string contentItemId, CancellationToken cancellationToken);

    /// <summary>One version of an item, whatever its state; null when the item has no such version.</summary>
    Task<ContentItem?> GetVersionAsync(string contentItemId, string contentItemVersionId, CancellationToken cancellationToken);
}

/// <summary>
/// Writes of content versions. The first write of a session starts its transaction; every precondition
/// (<see cref="ExpectedVersion"/>) is compared with the store's own read inside that transaction, so no other
/// session, process or node can change the item between the check and the write.
/// </summary>
public interface IContentWriter
{
    /// <summary>
    /// Prepares (caller's rights, server-set metadata, sanitizing, validation), transitions the versions and logs a
    /// publication. Throws <see cref="ContentValidationException"/>, <see cref="ContentPermissionException"/> or
    /// <see cref="ContentConflictException"/>, and then stores nothing.
    /// </summary>
    Task<ContentItem> SaveAsync(ContentItem item, SaveRequest request, CancellationToken cancellationToken);

    /// <summary>Publishes the latest version; null when the item does not exist.</summary>
    Task<ContentItem?> PublishAsync(string contentItemId, ExpectedVersion? expected, CancellationToken cancellationToken);

    /// <summary>Withdraws the published version; false when the item does not exist.</summary>
    Task<bool> UnpublishAsync(string contentItemId, ExpectedVersion? expected, CancellationToken cancellationToken);

    /// <summary>Removes every version; false when the item does not exist.</summary>
    Task<bool> DeleteAsync(string contentItemId, ExpectedVersion? expected, CancellationToken cancellationToken);
}

/// <summary>The append-only log of changes to what is published, which derived indexes follow by cursor.</summary>
public interface IContentChangeLog
{
    Task<IReadOnlyList<ChangeLogEntry>> ReadChangesAsync(long afterId, int max, CancellationToken cancellationToken);

    /// <summary>The newest change-log id, 0 when the log is empty.</summary>
    Task<long> GetLastChangeIdAsync(CancellationToken cancellationToken);
}

/// <summary>Scheduled publication (<c>PublishLaterPart.ScheduledPublishUtc</c>).</summary>
public interface IPublishingScheduler
{
    /// <summary>Publishes up to 100 latest drafts whose scheduled time is at or before <paramref name="nowUtc"/>; returns how many.</summary>
    Task<int> PublishDueAsync(DateTime nowUtc, CancellationToken cancellationToken);
}

/// <summary>The tenant's content type and part definitions.</summary>
public interface IContentDefinitionStore
{
    Task<ContentDefinitionSet> GetDefinitionsAsync(CancellationToken cancellationToken);

    Task SaveDefinitionsAsync(ContentDefinitionSet definitions, CancellationToken cancellationToken);
}

/// <summary>Named JSON documents of the tenant: site settings, roles, setup state.</summary>
public interface IDocumentStore
{
    Task<JsonNode?> GetDocumentAsync(string key, CancellationToken cancellationToken);

    Task SaveDocumentAsync(string key, JsonNode value, CancellationToken cancellationToken);
}
