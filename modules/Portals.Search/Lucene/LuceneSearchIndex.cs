using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Portals.Search.Lucene;

/// <summary>
/// Embedded Lucene.Net index for every tenant. Writes are serialized and each batch is one commit that also carries
/// the tenant's change-log cursor and set-aside list in the commit user data, so they are durable together with the
/// documents. Searches run concurrently on near-real-time searchers refreshed right after each commit.
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
    private readonly Func<SearchDocument, Document> _toLucene;
    private readonly PlaceNames _places;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile IndexWriter _writer;
    private volatile SearcherGeneration _searchers;
    private volatile CommitState _state;
    private volatile bool _disposed;

    public LuceneSearchIndex(LuceneSearchIndexOptions options, ILogger<LuceneSearchIndex>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.IndexPath);
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _toLucene = options.ToLucene ?? DocumentMapper.ToLucene;
        _places = new PlaceNames(options.Places);
        System.IO.Directory.CreateDirectory(options.IndexPath);
        // FSDirectory.Open picks MMapDirectory on 64-bit platforms.
        _directory = FSDirectory.Open(options.IndexPath);
        try
        {
            (_writer, _searchers) = OpenWriter();
        }
        catch (LockObtainFailedException ex)
        {
            _directory.Dispose();
            throw new SearchIndexInUseException(options.IndexPath, ex);
        }
        catch
        {
            // Do not leak the directory handle.
            _directory.Dispose();
            throw;
        }

        _state = CommitState.Read(EnsureCurrentSchema());
        SearchLog.Opened(_logger, options.IndexPath, _writer.NumDocs, _state.Describe());
    }

    public async Task ApplyAsync(SearchBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var tenant = batch.Tenant;
        DocumentMapper.ValidateKey(tenant, nameof(batch.Tenant));
        ArgumentOutOfRangeException.ThrowIfNegative(batch.Cursor);
        ArgumentNullException.ThrowIfNull(batch.Upserts);
        ArgumentNullException.ThrowIfNull(batch.SetAside);
        ArgumentNullException.ThrowIfNull(batch.Deletes);

        // Validate everything (and fail on bad input) before taking the write lock or writing anything.
        foreach (var d in batch.Upserts)
        {
            DocumentMapper.Validate(tenant, d);
        }

        foreach (var id in batch.SetAside.Select(s => s.ContentItemId).Concat(batch.Deletes))
        {
            DocumentMapper.ValidateKey(id, nameof(SearchDocument.ContentItemId));
        }

        // Last wins for an id upserted twice in one batch, so the upserts can then be written in any order.
        var documents = batch.Upserts.GroupBy(d => SearchFields.KeyOf(tenant, d.ContentItemId), StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Source: g.Last())).ToList();
        var removedKeys = batch.SetAside.Select(s => s.ContentItemId).Concat(batch.Deletes)
            .Select(id => SearchFields.KeyOf(tenant, id)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (_, source) in documents)
        {
            if (DocumentMapper.OversizedSectors(source) is > 0 and var dropped)
            {
                SearchLog.ValuesDropped(_logger, tenant, source.ContentItemId, dropped, SearchFields.MaxKeywordLength);
            }
        }

        await _writeLock.WaitAsync(ct);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var next = _state.After(tenant, batch.Cursor, documents.Select(d => d.Source.ContentItemId), batch.SetAside, batch.Deletes);
            Commit(tenant, next, writer =>
            {
                // Analysis is most of the work and IndexWriter takes documents from several threads (one segment
                // buffer each), so every core analyses and inverts documents.
                try
                {
                    Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                        d => writer.UpdateDocument(new Term(SearchFields.Key, d.Key), _toLucene(d.Source)));
                }
                catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
                {
                    // Callers and the rollback path see the writer's own exception, as before.
                    ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
                }

                // After the upserts, so an id both upserted and removed in one batch ends up removed.
                foreach (var key in removedKeys)
                {
                    writer.DeleteDocuments(new Term(SearchFields.Key, key));
                }
            });
            SearchLog.BatchApplied(_logger, tenant, documents.Count, removedKeys.Count, batch.Cursor, stopwatch.ElapsedMilliseconds);
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
        return Task.FromResult(_state.Cursors.GetValueOrDefault(tenant));
    }

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        IndexSearch.Validate(query, MaxPageSize, MaxResultWindow);
        ct.ThrowIfCancellationRequested();
        var text = QueryText.Parse(query.Text);
        return Task.FromResult(Read(searcher =>
        {
            var reader = (PointInTimeSearcher)searcher;
            return reader.Results.GetOrAdd(query, q => IndexSearch.Run(reader, q, text, _places, NewestFirst, ct));
        }));
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
        // Searches still running keep their generation (and its readers) until they leave.
        _searchers.Leave();
        _writer.Dispose();
        _directory.Dispose();
        _writeLock.Release();
        _writeLock.Dispose();
    }

    /// <summary>Runs a read on the current searchers, entered so that a recovery cannot dispose them meanwhile.</summary>
    internal T Read<T>(Func<IndexSearcher, T> read)
    {
        var generation = EnterSearchers();
        try
        {
            return generation.Read(read);
        }
        finally
        {
            generation.Leave();
        }
    }

    /// <summary>
    /// The current searcher generation, entered. Entering fails only for a retired generation, and a recovery publishes
    /// its replacement before retiring it, so reading again finds the new one (or the index is disposed).
    /// </summary>
    internal SearcherGeneration EnterSearchers()
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var generation = _searchers;
            if (generation.TryEnter())
            {
                return generation;
            }
        }
    }
}
