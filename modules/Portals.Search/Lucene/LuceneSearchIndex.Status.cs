using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Portals.Search.Lucene;

/// <summary>What the index holds per tenant: document count, ids and the set-aside list.</summary>
public sealed partial class LuceneSearchIndex
{
    private static readonly HashSet<string> IdOnly = [SearchFields.ContentItemId];

    public Task<SearchIndexStatus> GetStatusAsync(string tenant, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ct.ThrowIfCancellationRequested();
        var state = _state;
        var documents = Read(searcher => LiveDocs(searcher, tenant, (_, _) => { }));
        var setAside = state.SetAsideOf(tenant).Select(kv => new SetAsideDocument(kv.Key, kv.Value)).ToList();
        return Task.FromResult(new SearchIndexStatus(tenant, state.Cursors.GetValueOrDefault(tenant), documents, setAside));
    }

    public Task<IReadOnlyList<string>> ListIdsAsync(string tenant, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ct.ThrowIfCancellationRequested();
        var ids = new List<string>();
        Read(searcher => LiveDocs(searcher, tenant, (reader, doc) =>
            ids.Add(reader.Document(doc, IdOnly).Get(SearchFields.ContentItemId, CultureInfo.InvariantCulture))));
        ids.Sort(StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<string>>(ids);
    }

    /// <summary>Visits every live document of the tenant from its postings (deleted ones are skipped); returns the count.</summary>
    private static long LiveDocs(IndexSearcher searcher, string tenant, Action<AtomicReader, int> visit)
    {
        var count = 0L;
        var term = new Term(SearchFields.Tenant, tenant);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var docs = reader.GetTermDocsEnum(term);
            if (docs is null)
            {
                continue;
            }

            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                count++;
                visit(reader, doc);
            }
        }

        return count;
    }
}
