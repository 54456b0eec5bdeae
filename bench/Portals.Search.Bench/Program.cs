using System.Diagnostics;
using System.Globalization;
using Portals.Search;
using Portals.Search.Bench;
using Portals.Search.Lucene;

// Usage: dotnet run -c Release --project bench/Portals.Search.Bench -- [--docs 100000] [--queries 2000] [--batch 1000]
//        [--corpus zipf|worst] [--stages [--merge-to N]] [--keep]
#if DEBUG
Console.Error.WriteLine("warning: Debug build, figures are meaningless; run with -c Release");
#endif
var docCount = Option("--docs", 100_000);
var queryCount = Option("--queries", 2_000);
var batchSize = Option("--batch", 1_000);
var folder = Path.Combine(Path.GetTempPath(), "portals-search-bench-" + Guid.NewGuid().ToString("N")[..8]);
var report = new Report();

string[] texts =
[
    "đường", "bão", "can tho", "đầu tư công", "công nghệ thông tin", "phát triển kinh tế xã hội", "du lịch",
    "hau giang nong nghiep", "giá lúa", "chuyển đổi số", "an toàn giao thông", "bệnh viện", "khóm Cầu Đúc",
    "nguồn vốn ngân sách trung ương giải ngân", "Dương Văn An", "thủ tục hành chính một cửa",
];
string?[] tenants = [null, "haugiang", "cantho"];
string?[] types = [null, "News", "Event"];

try
{
    using var index = new LuceneSearchIndex(new LuceneSearchIndexOptions(folder) { Places = ForgivingQueries.Places });
    var corpusName = args.SkipWhile(a => a != "--corpus").Skip(1).FirstOrDefault() ?? "zipf";
    var corpus = ICorpus.Create(corpusName, seed: 20261127);
    string?[] sectors = [null, .. corpus.SectorFilters];
    report.Fact("corpus", corpusName == "zipf"
        ? $"zipf (realistic: {ZipfCorpus.Inventory.Length:N0} generated syllables + real words, Zipf law)"
        : "worst (~600 syllables, each query word in 50–75 % of documents)");
    var applyTime = TimeSpan.Zero;
    using var process = Process.GetCurrentProcess();
    var cpuBefore = process.TotalProcessorTime;
    var generateTime = TimeSpan.Zero;
    var cursor = 0L;
    for (var start = 0; start < docCount; start += batchSize)
    {
        var generating = Stopwatch.GetTimestamp();
        var batch = Enumerable.Range(start, Math.Min(batchSize, docCount - start)).Select(corpus.Next).ToList();
        generateTime += Stopwatch.GetElapsedTime(generating);
        foreach (var group in batch.GroupBy(d => d.Tenant))
        {
            var begin = Stopwatch.GetTimestamp();
            await index.ApplyAsync(new SearchBatch(group.Key, ++cursor) { Upserts = group.ToList() }, CancellationToken.None);
            applyTime += Stopwatch.GetElapsedTime(begin);
        }
    }

    var canals = Enumerable.Range(docCount, ForgivingQueries.CanalDocuments).Select(n => ForgivingQueries.Canal(corpus, n)).ToList();
    foreach (var group in canals.GroupBy(d => d.Tenant))
    {
        await index.ApplyAsync(new SearchBatch(group.Key, ++cursor) { Upserts = group.ToList() }, CancellationToken.None);
    }

    process.Refresh();
    var indexCpu = process.TotalProcessorTime - cpuBefore - generateTime; // generation is single-threaded, so wall ≈ CPU
    report.Fact("documents", $"{docCount:N0} (+ {ForgivingQueries.CanalDocuments} naming the Xà No canal, for the relaxed queries)");
    report.Fact("indexing through ApplyAsync", $"{docCount / applyTime.TotalSeconds:N0} docs/s ({applyTime.TotalSeconds:N1} s, batches of {batchSize}, one commit per tenant per batch)");
    report.Fact("indexing CPU", $"{docCount / indexCpu.TotalSeconds:N0} docs per CPU-second (includes background merges)");
    report.Fact("index size on disk", $"{Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length) / 1048576.0:N1} MiB");
    report.Fact("RSS after indexing", Rss());

    if (args.Contains("--stages"))
    {
        if (Option("--merge-to", 0) is > 0 and var segments)
        {
            // What the segment count costs a search: the same documents merged into fewer segments.
            index.Dispose();
            using var directory = Lucene.Net.Store.FSDirectory.Open(folder);
            using var writer = new Lucene.Net.Index.IndexWriter(directory,
                new Lucene.Net.Index.IndexWriterConfig(VietnameseAnalyzers.Version, VietnameseAnalyzers.PerField));
            writer.ForceMerge(segments);
        }

        report.Print(Console.Out, Environment.ProcessorCount);
        Stages.Print(folder, texts, queryCount, new PlaceNames(ForgivingQueries.Places));
        return;
    }

    using var raw = new RawLucene(folder);
    var rawQueries = texts.Select(RawLucene.QueryFor).ToArray();
    SearchQuery Text(int i) => new(texts[i % texts.Length], null, null, null);
    SearchQuery Filtered(int i) => new(texts[i % texts.Length], tenants[i % 3], types[(i / 3) % 3], sectors[(i / 9) % 4]);
    SearchQuery Browse(int i) => new(null, tenants[i % 3], types[(i / 3) % 3], sectors[(i / 9) % 4], 1 + (i % 5));

    async Task<Latency> Loop(string name, int threads, Func<int, Task> call)
    {
        await Latency.MeasureAsync(name, Math.Min(300, queryCount), threads, call); // warm-up: JIT, page cache, field caches
        return await Latency.MeasureAsync(name, queryCount, threads, call);
    }

    var rawLoop = await Loop("raw Lucene: TermQuery AND, top 10", 1, i => Task.FromResult(raw.Search(rawQueries[i % rawQueries.Length])));
    report.Loop(rawLoop, rawLoop);
    report.Loop(await Loop("SearchAsync: text", 1, i => index.SearchAsync(Text(i), CancellationToken.None)), rawLoop);
    report.Loop(await Loop("SearchAsync: text + filters", 1, i => index.SearchAsync(Filtered(i), CancellationToken.None)), rawLoop);
    report.Loop(await Loop("SearchAsync: no text, filters, newest first", 1, i => index.SearchAsync(Browse(i), CancellationToken.None)), rawLoop);
    report.Loop(await Loop("SearchAsync: text, 2 threads", 2, i => index.SearchAsync(Text(i), CancellationToken.None)), rawLoop);
    report.Loop(await Loop("raw Lucene, 2 threads", 2, i => Task.FromResult(raw.Search(rawQueries[i % rawQueries.Length]))), rawLoop);

    // The HTTP target's shape: 8 concurrent clients on this machine's cores; compare with raw at the same concurrency.
    var raw8 = await Loop("raw Lucene, 8 threads", 8, i => Task.FromResult(raw.Search(rawQueries[i % rawQueries.Length])));
    report.Loop(raw8, raw8);
    report.Loop(await Loop("SearchAsync: text, 8 threads", 8, i => index.SearchAsync(Text(i), CancellationToken.None)), raw8);

    await Forgiving.MeasureAsync(index, texts, report, (name, threads, call) => Loop(name, threads, call));

    report.Fact("RSS after queries", Rss());
    report.Fact("peak RSS", $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB");
    report.Fact("managed heap", $"{GC.GetTotalMemory(false) / 1048576.0:N0} MiB");
}
finally
{
    if (!args.Contains("--keep"))
    {
        Directory.Delete(folder, recursive: true);
    }
}

report.Print(Console.Out, Environment.ProcessorCount);
return;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static string Rss()
{
    using var process = Process.GetCurrentProcess();
    return $"{process.WorkingSet64 / 1048576.0:N0} MiB";
}
