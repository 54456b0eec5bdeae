using Microsoft.Extensions.Logging;

namespace Portals.Search;

/// <summary>Every log message of the search module.</summary>
internal static partial class SearchLog
{
    [LoggerMessage(1, LogLevel.Information, "Search index opened at {Path}: {DocCount} documents, cursors {Cursors}")]
    public static partial void Opened(ILogger logger, string path, int docCount, string cursors);

    [LoggerMessage(2, LogLevel.Debug, "Search batch for {Tenant}: {Upserts} upserts, {Removes} removals, cursor {Cursor}, {ElapsedMs} ms")]
    public static partial void BatchApplied(ILogger logger, string tenant, int upserts, int removes, long cursor, long elapsedMs);

    [LoggerMessage(4, LogLevel.Error, "Search index write for {Tenant} failed; rolled back to the last commit")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(5, LogLevel.Warning, "Search index rollback failed; reopening the writer anyway")]
    public static partial void RollbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Search index at {Path} has another schema; emptied its {DocCount} documents for a rebuild")]
    public static partial void SchemaChanged(ILogger logger, string path, int docCount);

    [LoggerMessage(7, LogLevel.Warning, "Search document {ContentItemId} of {Tenant}: {Count} sector value(s) longer than {Max} characters left out of the index")]
    public static partial void ValuesDropped(ILogger logger, string tenant, string contentItemId, int count, int max);

    [LoggerMessage(101, LogLevel.Debug, "Search caught up with {Count} change(s) of tenant {Tenant}.")]
    public static partial void CaughtUp(ILogger logger, string tenant, int count);

    [LoggerMessage(102, LogLevel.Error, "Search catch-up failed for tenant {Tenant}; it will retry.")]
    public static partial void CatchUpFailed(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(103, LogLevel.Error, "Online search rebuild failed for tenant {Tenant}.")]
    public static partial void RebuildFailed(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(104, LogLevel.Warning, "Search batch of {Tenant} with {Count} document(s) was refused; indexing it in parts to find the document(s) at fault.")]
    public static partial void BatchRefused(ILogger logger, Exception exception, string tenant, int count);

    [LoggerMessage(105, LogLevel.Warning, "Search set aside {ContentItemId} of {Tenant}: {Reason}. It stays out of the index until it changes (or a rebuild).")]
    public static partial void SetAside(ILogger logger, string tenant, string contentItemId, string reason);

    [LoggerMessage(106, LogLevel.Information, "Search rebuild of {Tenant}: {Published} published item(s) indexed, {SetAside} set aside, {Stale} stale document(s) removed.")]
    public static partial void Rebuilt(ILogger logger, string tenant, int published, int setAside, int stale);

    [LoggerMessage(120, LogLevel.Information, "Search rebuild {Generation} of {Tenant} was started on another node; rebuilding this node's index.")]
    public static partial void FollowingRebuild(ILogger logger, string tenant, long generation);

    [LoggerMessage(121, LogLevel.Warning, "Could not save the search rebuild progress of {Tenant}.")]
    public static partial void RebuildProgressNotSaved(ILogger logger, Exception exception, string tenant);
}
