using Microsoft.Extensions.Logging;

namespace Portals.Search;

internal static partial class SearchLog
{
    [LoggerMessage(1, LogLevel.Information, "Search index opened at {Path}: {DocCount} documents, cursors {Cursors}")]
    public static partial void Opened(ILogger logger, string path, int docCount, string cursors);

    [LoggerMessage(2, LogLevel.Debug, "Search batch for {Tenant}: {Upserts} upserts, {Deletes} deletes, cursor {Cursor}, {ElapsedMs} ms")]
    public static partial void BatchApplied(ILogger logger, string tenant, int upserts, int deletes, long cursor, long elapsedMs);

    [LoggerMessage(3, LogLevel.Information, "Search index reset for tenant {Tenant}")]
    public static partial void TenantReset(ILogger logger, string tenant);

    [LoggerMessage(4, LogLevel.Error, "Search index write for {Tenant} failed; rolled back to the last commit")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(101, LogLevel.Debug, "Search caught up with {Count} change(s) of tenant {Tenant}.")]
    public static partial void CaughtUp(ILogger logger, string tenant, int count);

    [LoggerMessage(102, LogLevel.Error, "Search catch-up failed for tenant {Tenant}; it will retry.")]
    public static partial void CatchUpFailed(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(5, LogLevel.Warning, "Search index rollback failed; reopening the writer anyway")]
    public static partial void RollbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Search index at {Path} has another schema; emptied its {DocCount} documents for a rebuild")]
    public static partial void SchemaChanged(ILogger logger, string path, int docCount);

    [LoggerMessage(103, LogLevel.Error, "Online search rebuild failed for tenant {Tenant}.")]
    public static partial void RebuildFailed(ILogger logger, Exception exception, string tenant);
}
