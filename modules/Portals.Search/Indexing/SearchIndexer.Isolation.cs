namespace Portals.Search.Indexing;

/// <summary>Keeps one document the index refuses from holding back the others.</summary>
public sealed partial class SearchIndexer
{
    /// <summary>
    /// Applies a loaded batch with <paramref name="cursor"/>. When the index refuses it for a document's sake, the
    /// upserts are applied in halves, down to single documents, each with <paramref name="heldCursor"/> (the position
    /// before the batch, so a crash meanwhile replays the whole batch); the documents refused alone are set aside; then
    /// the deletes and set-asides commit with <paramref name="cursor"/>. A failure of the index itself (I/O, disposal,
    /// cancellation) propagates and the whole batch is retried later.
    /// </summary>
    private async Task ApplyAsync(string tenant, Loaded loaded, long cursor, long heldCursor, CancellationToken cancellationToken)
    {
        try
        {
            await index.ApplyAsync(new SearchBatch(tenant, cursor) { Upserts = loaded.Upserts, SetAside = loaded.SetAside, Deletes = loaded.Deletes }, cancellationToken);
            return;
        }
        catch (Exception ex) when (IsDocumentFault(ex) && loaded.Upserts.Count > 0)
        {
            SearchLog.BatchRefused(logger, ex, tenant, loaded.Upserts.Count);
        }

        var refused = new List<SetAsideDocument>();
        await IsolateAsync(tenant, loaded.Upserts, heldCursor, refused, cancellationToken);
        await index.ApplyAsync(new SearchBatch(tenant, cursor) { SetAside = [.. loaded.SetAside, .. refused], Deletes = loaded.Deletes }, cancellationToken);
    }

    private async Task IsolateAsync(string tenant, List<SearchDocument> upserts, long heldCursor, List<SetAsideDocument> refused,
        CancellationToken cancellationToken)
    {
        try
        {
            await index.ApplyAsync(new SearchBatch(tenant, heldCursor) { Upserts = upserts }, cancellationToken);
        }
        catch (Exception ex) when (IsDocumentFault(ex))
        {
            if (upserts.Count == 1)
            {
                refused.Add(SetAside(tenant, upserts[0].ContentItemId, ex));
                return;
            }
            var half = upserts.Count / 2;
            await IsolateAsync(tenant, upserts[..half], heldCursor, refused, cancellationToken);
            await IsolateAsync(tenant, upserts[half..], heldCursor, refused, cancellationToken);
        }
    }

    private SetAsideDocument SetAside(string tenant, string contentItemId, Exception exception)
    {
        var reason = $"{exception.GetType().Name}: {exception.Message}";
        if (reason.Length > SearchIndexStatus.MaxReasonLength)
        {
            reason = reason[..(SearchIndexStatus.MaxReasonLength - 1)] + "…";
        }
        SearchLog.SetAside(logger, tenant, contentItemId, reason);
        return new SetAsideDocument(contentItemId, reason);
    }

    /// <summary>
    /// What a document can cause (Lucene reports a term or doc value too large, or another per-document limit, as an
    /// argument or state error). Failures of the index or the machine are not: setting documents aside for them
    /// would drop good documents.
    /// </summary>
    private static bool IsDocumentFault(Exception exception) =>
        exception is not (OperationCanceledException or ObjectDisposedException or IOException or UnauthorizedAccessException
            or OutOfMemoryException or SearchIndexInUseException);
}
