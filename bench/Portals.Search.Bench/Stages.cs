using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Portals.Search.Lucene;

namespace Portals.Search.Bench;

/// <summary>Where a text query's time goes: each stage of <see cref="IndexSearch.Run"/> timed alone, one thread.</summary>
internal static class Stages
{
    public static void Print(string folder, string[] texts, int count, PlaceNames places)
    {
        using var directory = FSDirectory.Open(folder);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new PointInTimeSearcher(reader); // the index's own searcher: BM25, statistics read once
        var parsed = texts.Select(t => QueryText.Parse(t)!).ToArray();
        var matches = parsed.Select(t => TextQueryBuilder.Build(t, searcher, places)).ToArray();
        var raw = texts.Select(RawLucene.QueryFor).ToArray();
        var sort = new Sort(new SortField(SearchFields.Published, SortFieldType.INT64, true));
        Console.WriteLine($"segments: {reader.Leaves.Count}");
        Time("raw conjunction, top 10", i => searcher.Search(raw[i], 10));
        Time("query building (term statistics, typo look-ups)", i => TextQueryBuilder.Build(parsed[i], searcher, places));
        Time("first pass, top 200", i => searcher.Search(matches[i].Strict, 200));
        Time("first pass + facets", i => searcher.Search(matches[i].Strict,
            new FacetingCollector(TopScoreDocCollector.Create(200, false), new SearchQuery(texts[i], null, null, null), default)));
        Time("one pass, every clause, top 10", i => searcher.Search(
            new BooleanQuery { { matches[i].Strict, Occur.MUST }, { matches[i].Boosts!, Occur.SHOULD } }, 10));
        Time("first pass + rescore", i => BoostRescorer.Rescore(searcher, searcher.Search(matches[i].Strict, 200).ScoreDocs, matches[i].Boosts!));
        var tops = matches.Select(m => searcher.Search(m.Strict, 10).ScoreDocs).ToArray();
        Time("10 stored documents", i => Array.ForEach(tops[i], d => searcher.Doc(d.Doc)));
        var bodies = tops.Select(t => t.Select(d => searcher.Doc(d.Doc).Get(SearchFields.Body, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        Time("10 snippets", i => Array.ForEach(bodies[i], b => SnippetBuilder.Build("", b, matches[i].FoldedTerms)));
        Time("IndexSearch.Run", i => IndexSearch.Run(searcher, new SearchQuery(texts[i], null, null, null), parsed[i], places, sort, default));
        Forgiving("plain", texts);
        Forgiving("relaxed", ForgivingQueries.Relaxed(texts));
        Forgiving("typed right", ForgivingQueries.Typos.Select(t => t.Plain).ToArray());
        Forgiving("one typo", ForgivingQueries.Typos.Select(t => t.Typo).ToArray());

        void Forgiving(string set, string[] queries)
        {
            var p = queries.Select(t => QueryText.Parse(t)!).ToArray();
            var m = p.Select(t => TextQueryBuilder.Build(t, searcher, places)).ToArray();
            Console.WriteLine($"{set}: relaxed pass runs for {m.Count(x => x.Relaxed is not null && searcher.Search(x.Strict, 1).TotalHits < IndexSearch.RelaxBelow)} of {m.Length}");
            texts = queries; // Time cycles through texts
            Time(set + ": query building", i => TextQueryBuilder.Build(p[i], searcher, places));
            Time(set + ": strict pass + facets", i => searcher.Search(m[i].Strict,
                new FacetingCollector(TopScoreDocCollector.Create(200, false), new SearchQuery(queries[i], null, null, null), default)));
            Time(set + ": relaxed pass + facets (all)", i => { if (m[i].Relaxed is not null) { searcher.Search(m[i].Relaxed!,
                new FacetingCollector(TopScoreDocCollector.Create(200, false), new SearchQuery(queries[i], null, null, null), default)); } });
            Time(set + ": IndexSearch.Run", i => IndexSearch.Run(searcher, new SearchQuery(queries[i], null, null, null), p[i], places, sort, default));
        }

        void Time(string name, Action<int> call)
        {
            for (var i = 0; i < 100; i++)
            {
                call(i % texts.Length);
            }

            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var wall = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                call(i % texts.Length);
            }

            process.Refresh();
            Console.WriteLine($"| {name} | wall {wall.Elapsed.TotalMilliseconds / count:F2} ms | CPU {(process.TotalProcessorTime - cpu).TotalMilliseconds / count:F2} ms | {(GC.GetAllocatedBytesForCurrentThread() - allocated) / count / 1024:N0} KB |");
        }
    }
}
