using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace Portals.Search.Lucene;

/// <summary>The write side: one commit per batch, rollback and reopen on failure, schema check on open.</summary>
public sealed partial class LuceneSearchIndex
{
    /// <summary>
    /// A new folder, or an index written with other fields or analysis, starts empty with no cursors (all read 0), so
    /// the change-log reader rebuilds it instead of searching documents analysed the old way.
    /// </summary>
    private IDictionary<string, string> EnsureCurrentSchema()
    {
        var committed = _writer.CommitData;
        if (CommitState.IsCurrentSchema(committed))
        {
            return committed;
        }

        if (_writer.NumDocs > 0)
        {
            SearchLog.SchemaChanged(_logger, _options.IndexPath, _writer.NumDocs);
        }

        _writer.DeleteAll();
        _writer.SetCommitData(CommitState.Empty.Write());
        _writer.Commit();
        _searchers.Manager.MaybeRefreshBlocking();
        return _writer.CommitData;
    }

    /// <summary>Applies <paramref name="changes"/> and commits them with <paramref name="next"/>; all or nothing.</summary>
    private void Commit(string tenant, CommitState next, Action<IndexWriter> changes)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            changes(_writer);
            _writer.SetCommitData(next.Write());
            _writer.Commit();
        }
        catch (Exception ex)
        {
            SearchLog.WriteFailed(_logger, ex, tenant);
            Recover();
            throw;
        }

        _state = next;
        _searchers.Manager.MaybeRefreshBlocking();
    }

    /// <summary>
    /// Drops the half-applied batch: Rollback closes the writer, so a fresh writer and searcher generation replace it.
    /// The new generation is published before the old one is retired, and the old one is disposed only when the
    /// searches still using it have left.
    /// </summary>
    private void Recover()
    {
        try
        {
            _writer.Rollback();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Rollback releases the write lock even when it fails to clean up; the reopen below is what matters.
            SearchLog.RollbackFailed(_logger, ex);
        }

        var old = _searchers;
        (_writer, _searchers) = OpenWriter();
        old.Leave();
    }

    private (IndexWriter, SearcherGeneration) OpenWriter()
    {
        var config = new IndexWriterConfig(VietnameseAnalyzers.Version, VietnameseAnalyzers.PerField)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
            RAMBufferSizeMB = _options.RamBufferSizeMb,
            // Every search pays a fixed cost per segment and term (term lookup, postings set-up), which with Lucene's
            // default of ten segments per tier was most of a query's time; merging a little more eagerly keeps the
            // index at a handful of segments. Up to 10 at once: the many small per-commit segments merge in fewer rounds.
            MergePolicy = new TieredMergePolicy { SegmentsPerTier = 4, MaxMergeAtOnce = 10 },
            MergedSegmentWarmer = new SegmentWarmer(),
        };
        var writer = new IndexWriter(_directory, config);
        return (writer, new SearcherGeneration(new SearcherManager(writer, true, new Bm25SearcherFactory(_options.ResultCacheEntries))));
    }

    private sealed class Bm25SearcherFactory(int resultCacheEntries) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new PointInTimeSearcher(reader, resultCacheEntries);
    }
}
