using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Portals.Search.Lucene;

namespace Portals.Search.Bench;

/// <summary>
/// The ceiling: a plain IndexSearcher over the same index folder, one BooleanQuery of required TermQuerys on the folded
/// body field, top 10, no facets, no stored fields, no snippets.
/// </summary>
internal sealed class RawLucene : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public RawLucene(string path)
    {
        _directory = FSDirectory.Open(path);
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public static Query QueryFor(string text)
    {
        var query = new BooleanQuery();
        var normalized = TextNormalizer.Normalize(text);
        foreach (var (term, _, _) in VietnameseAnalyzers.Tokens(VietnameseAnalyzers.Folded, normalized, 32))
        {
            query.Add(new TermQuery(new Term(SearchFields.AllText, term)), Occur.MUST);
        }

        return query;
    }

    public int Documents => _reader.NumDocs;

    public int Segments => _reader.Leaves.Count;

    public int Search(Query query) => _searcher.Search(query, 10).TotalHits;

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
