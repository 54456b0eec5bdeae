using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Portals.Search.Engine;

namespace Portals.Search;

/// <summary>
/// Embedded Lucene.Net index for every tenant. Writes are serialized and each batch is one commit that also carries
/// the tenant's change-log cursor in the commit user data, so documents and cursor are durable together. Searches run
/// concurrently on near-real-time searchers refreshed right after each commit.
/// </summary>
public sealed partial class LuceneSearchIndex : ISearchIndex, IDisposable
{
    public const int MaxPageSize = 50;

    /// <summary>Deepest result reachable by paging (as Elasticsearch's max_result_window): bounds the top-hits queue.</summary>
    public const int MaxResultWindow = 10_000;

    private static readonly Sort NewestFirst = new(
        new SortField(SearchFields.Published, SortFieldType.INT64, true), SortField.FIELD_DOC);

    private readonly LuceneSearchIndexOptions _options;
    private readonly ILogger _logger;
    private readonly FSDirectory _directory;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile IndexWriter _writer;
    private volatile SearcherManager _searchers;
    private volatile IReadOnlyDictionary<string, long> _cursors;
    private bool _disposed;

    public LuceneSearchIndex(LuceneSearchIndexOptions options, ILogger<LuceneSearchIndex>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.IndexPath);
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        System.IO.Directory.CreateDirectory(options.IndexPath);
        // FSDirectory.Open picks MMapDirectory on 64-bit platforms.
        _directory = FSDirectory.Open(options.IndexPath);
        try
        {
            (_writer, _searchers) = OpenWriter();
        }
        catch
        {
            // Typically the folder is locked by another open index; do not leak the directory handle.
            _directory.Dispose();
            throw;
        }

        _cursors = CommitCursors.Read(EnsureCurrentSchema());
        SearchLog.Opened(_logger, options.IndexPath, _writer.NumDocs, CommitCursors.Describe(_cursors));
    }

    public async Task ApplyAsync(string tenant, IReadOnlyCollection<SearchDocument> upserts,
        IReadOnlyCollection<string> deletedContentItemIds, long cursor, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(deletedContentItemIds);
        ArgumentOutOfRangeException.ThrowIfNegative(cursor);

        // Validate everything (and fail on bad input) before taking the write lock or writing anything.
        foreach (var d in upserts)
        {
            DocumentMapper.Validate(tenant, d);
        }

        // Last wins for an id upserted twice in one batch, so the upserts can then be written in any order.
        var documents = upserts.GroupBy(d => SearchFields.KeyOf(tenant, d.ContentItemId), StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Source: g.Last())).ToList();
        var deletedKeys = deletedContentItemIds.Select(id =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(id, nameof(deletedContentItemIds));
            return SearchFields.KeyOf(tenant, id);
        }).ToList();

        await _writeLock.WaitAsync(ct);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            Commit(tenant, cursor, writer =>
            {
                // Analysis is most of the work and IndexWriter takes documents from several threads (one segment
                // buffer each), so every core analyses and inverts documents.
                try
                {
                    Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                        d => writer.UpdateDocument(new Term(SearchFields.Key, d.Key), DocumentMapper.ToLucene(d.Source)));
                }
                catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
                {
                    // Callers and the rollback path see the writer's own exception, as before.
                    ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
                }

                // After the upserts, so an id both upserted and deleted in one batch ends up deleted.
                foreach (var key in deletedKeys)
                {
                    writer.DeleteDocuments(new Term(SearchFields.Key, key));
                }
            });
            SearchLog.BatchApplied(_logger, tenant, documents.Count, deletedKeys.Count, cursor, stopwatch.ElapsedMilliseconds);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<long> GetCursorAsync(string tenant, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Task.FromResult(_cursors.GetValueOrDefault(tenant));
    }

    public async Task ResetTenantAsync(string tenant, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        await _writeLock.WaitAsync(ct);
        try
        {
            Commit(tenant, 0, writer => writer.DeleteDocuments(new Term(SearchFields.Tenant, tenant)));
            SearchLog.TenantReset(_logger, tenant);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        IndexSearch.Validate(query, MaxPageSize, MaxResultWindow);
        ObjectDisposedException.ThrowIf(_disposed, this);
        ct.ThrowIfCancellationRequested();

        var text = TextQueryBuilder.Build(query.Text);
        var searchers = _searchers;
        var searcher = searchers.Acquire();
        try
        {
            return Task.FromResult(IndexSearch.Run(searcher, query, text, NewestFirst, ct));
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        // Let a running batch finish its commit before closing.
        _writeLock.Wait();
        _disposed = true;
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _writeLock.Release();
        _writeLock.Dispose();
    }
}
