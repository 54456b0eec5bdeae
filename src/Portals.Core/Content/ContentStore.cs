using System.Text.Json.Nodes;
using Portals.Core.Definitions;
using Portals.Core.Tenants;
using Portals.Core.Validation;

namespace Portals.Core.Content;

public enum VersionOptions
{
    Published,
    Latest,
}

/// <summary>A page of items, each as its stored JSON, plus the total count before paging.</summary>
public sealed record ContentPage(IReadOnlyList<string> Items, int Total);

/// <summary>Filters for listing items. Text matches the display text, with or without diacritics.</summary>
public sealed record ContentQuery(
    string? ContentType = null,
    string? TermContentItemId = null,
    string? Text = null,
    DateTime? PublishedAfter = null,
    int Page = 1,
    int PageSize = 20,
    ContentSort Sort = ContentSort.PublishedDescending,
    VersionOptions Version = VersionOptions.Published);

public enum ContentSort
{
    PublishedDescending,
    PublishedAscending,
    ModifiedDescending,
    ModifiedAscending,
    TitleAscending,
    TitleDescending,
}

public sealed record ChangeLogEntry(long Id, string ContentItemId, string ContentType, string Kind, DateTime CreatedUtc);

/// <summary>How a save treats publication; imports keep the item's own metadata and flags.</summary>
public enum SaveMode
{
    Draft,
    Publish,
    Import,
}

/// <summary>Opens units of work on one tenant's content. The port behind which storage providers sit.</summary>
public interface IContentStore
{
    Task<IContentSession> OpenAsync(TenantContext tenant, CancellationToken cancellationToken);
}

/// <summary>
/// A unit of work on one tenant. Writes share one transaction, committed by <see cref="CommitAsync"/>;
/// disposing without committing rolls everything back.
/// </summary>
public interface IContentSession : IAsyncDisposable
{
    TenantContext Tenant { get; }

    Task<ContentItem?> GetAsync(string contentItemId, VersionOptions version, CancellationToken cancellationToken);

    /// <summary>The given items' versions in one query; ids without such a version are absent from the result.</summary>
    Task<IReadOnlyList<ContentItem>> GetManyAsync(IReadOnlyCollection<string> contentItemIds, VersionOptions version, CancellationToken cancellationToken);

    /// <summary>The stored JSON without materializing it: the fast path for reads.</summary>
    Task<string?> GetJsonAsync(string contentItemId, VersionOptions version, CancellationToken cancellationToken);

    Task<string?> GetPublishedJsonByPathAsync(string path, CancellationToken cancellationToken);

    Task<ContentPage> QueryAsync(ContentQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<ContentItem>> ListLatestAsync(CancellationToken cancellationToken);

    /// <summary>Validates and saves a new version. Throws <see cref="ContentValidationException"/> with field errors.</summary>
    Task<ContentItem> SaveAsync(ContentItem item, SaveMode mode, CancellationToken cancellationToken);

    Task<ContentItem?> PublishAsync(string contentItemId, CancellationToken cancellationToken);

    Task<bool> UnpublishAsync(string contentItemId, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string contentItemId, CancellationToken cancellationToken);

    /// <summary>Publishes drafts whose scheduled time has come; returns how many.</summary>
    Task<int> PublishDueAsync(DateTime nowUtc, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChangeLogEntry>> ReadChangesAsync(long afterId, int max, CancellationToken cancellationToken);

    /// <summary>The newest change-log id, 0 when the log is empty.</summary>
    Task<long> GetLastChangeIdAsync(CancellationToken cancellationToken);

    /// <summary>Ids of every item that has a published version, oldest first.</summary>
    Task<IReadOnlyList<string>> ListPublishedIdsAsync(CancellationToken cancellationToken);

    Task<ContentDefinitionSet> GetDefinitionsAsync(CancellationToken cancellationToken);

    Task SaveDefinitionsAsync(ContentDefinitionSet definitions, CancellationToken cancellationToken);

    Task<JsonNode?> GetDocumentAsync(string key, CancellationToken cancellationToken);

    Task SaveDocumentAsync(string key, JsonNode value, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}

public sealed class ContentValidationException(IReadOnlyList<FieldError> errors)
    : Exception("Nội dung không hợp lệ: " + string.Join(" ", errors.Select(e => $"[{e.Key}] {e.Message}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
