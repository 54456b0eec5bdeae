using Portals.Core.Content;
using Portals.Search.Indexing;
using static Portals.Search.Tests.Integration.SearchTestHelpers;

namespace Portals.Search.Tests.Integration;

/// <summary>
/// The live indexer during a bulk load: its first batch after being idle is small, so the first items are searchable
/// after a small commit, and full batches then grow, so a long backlog costs few commits.
/// </summary>
public sealed class LiveBatchTests(LiveBatchTests.RecordingFactory factory) : IClassFixture<LiveBatchTests.RecordingFactory>
{
    [Fact]
    public async Task BulkOf300AfterIdle_IndexedIn50ThenGrowingBatches_AllSearchable()
    {
        const string word = "lohangloatest";
        // Idle first: every earlier change (seeds) indexed, so the next step starts small again.
        await EventuallyIdleAsync();
        factory.Index.Start(word);

        await WriteAsync(factory, "haugiang", async session =>
        {
            for (var i = 0; i < 300; i++)
            {
                await session.SaveAsync(NewsItem($"bulk-{i:D3}", $"Tin số {i} {word}"), SaveMode.Publish, default);
            }
        });

        var response = await EventuallyAsync(factory, word, r => r.Total == 300);
        Assert.Equal(300, response.Total);
        var batches = factory.Index.Batches;
        Assert.Equal(SearchIndexer.FirstLiveBatchSize, batches[0]);
        Assert.Equal(SearchIndexer.FirstLiveBatchSize * 4, batches[1]);
        Assert.Equal(300, batches.Sum());
    }

    /// <summary>Polls until the indexer has read every change of the tenant (its cursor equals the last change).</summary>
    private async Task EventuallyIdleAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            await using var session = await factory.Service<IContentStore>().OpenAsync(factory.Tenant("haugiang"), default);
            if (await session.GetLastChangeIdAsync(default) == await factory.Service<ISearchIndex>().GetCursorAsync("haugiang", default))
            {
                return;
            }
            await Task.Delay(50);
        }
        Assert.Fail("The indexer did not catch up with the seeded changes within 15 s.");
    }

    public sealed class RecordingFactory : WrappedIndexFactory<RecordingIndex>
    {
        protected override RecordingIndex Wrap(ISearchIndex lucene) => new(lucene);
    }

    /// <summary>The Lucene index, counting the upserts of each batch that holds a document with the marker word.</summary>
    public sealed class RecordingIndex(ISearchIndex inner) : ISearchIndex
    {
        private readonly List<int> _batches = [];
        private string? _word;

        public List<int> Batches
        {
            get
            {
                lock (_batches)
                {
                    return [.. _batches];
                }
            }
        }

        public void Start(string word) => _word = word;

        public Task ApplyAsync(SearchBatch batch, CancellationToken ct)
        {
            var marked = batch.Upserts.Count(d => _word is not null && d.Title.Contains(_word, StringComparison.Ordinal));
            if (marked > 0)
            {
                lock (_batches)
                {
                    _batches.Add(marked);
                }
            }
            return inner.ApplyAsync(batch, ct);
        }

        public Task<long> GetCursorAsync(string tenant, CancellationToken ct) => inner.GetCursorAsync(tenant, ct);

        public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct) => inner.SearchAsync(query, ct);

        public Task<SearchSuggestions> SuggestAsync(SuggestQuery query, CancellationToken ct) => inner.SuggestAsync(query, ct);

        public Task<SearchIndexStatus> GetStatusAsync(string tenant, CancellationToken ct) => inner.GetStatusAsync(tenant, ct);

        public Task<IReadOnlyList<string>> ListIdsAsync(string tenant, CancellationToken ct) => inner.ListIdsAsync(tenant, ct);
    }
}
