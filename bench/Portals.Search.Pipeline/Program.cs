using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portals.Bench;
using Portals.Core.Content;
using Portals.Core.Tenants;
using Portals.Search;
using Portals.Search.Bench;
using Portals.Search.Indexing;

// Usage:
//   publish: Portals.Search.Pipeline publish --data DIR [--docs 100000] [--batch 1000] [--corpus zipf|worst]
//            both tenants set up from their recipes, N news items published through the content store (validation,
//            versions, change log) while the indexer follows the change logs into the shared Lucene index.
//   load:    Portals.Search.Pipeline load --base URL --secret S [--news 10000] [--calls 2000] [--parallel 4]
//            the realistic corpus posted through the JSON API of a running server (bench/peer/run.sh).
//   raw:     Portals.Search.Pipeline raw --index DIR [--threads 8] [--queries 20000]
//            the ceiling: a plain IndexSearcher query loop over the same index, same query words as bench/search/queries.lua.
var mode = args.FirstOrDefault() ?? "publish";
return mode switch
{
    "publish" => await PublishAsync(),
    "raw" => await RawAsync(),
    "corpus" => Sample(),
    "load" => await ApiLoader.RunAsync(Option("--base", "http://127.0.0.1:5080"), Option("--secret", ""),
        int.Parse(Option("--news", "10000"), CultureInfo.InvariantCulture), int.Parse(Option("--calls", "2000"), CultureInfo.InvariantCulture),
        int.Parse(Option("--parallel", "4"), CultureInfo.InvariantCulture)),
    _ => Usage(),
};

async Task<int> PublishAsync()
{
    var data = Path.GetFullPath(Option("--data", Path.Combine(Path.GetTempPath(), "portals-pipeline")));
    var docs = int.Parse(Option("--docs", "100000"), CultureInfo.InvariantCulture);
    var batch = int.Parse(Option("--batch", "1000"), CultureInfo.InvariantCulture);
    var corpus = ICorpus.Create(Option("--corpus", "zipf"), seed: 20261127);
    await using var services = Services(data);
    foreach (var tenant in services.GetRequiredService<TenantRegistry>().All)
    {
        await services.GetRequiredService<TenantInitializer>().InitializeAsync(tenant, default);
    }
    return await PublishRun.RunAsync(services, corpus, docs, batch);
}

async Task<int> RawAsync()
{
    var index = Option("--index", "");
    var threads = int.Parse(Option("--threads", "8"), CultureInfo.InvariantCulture);
    var count = int.Parse(Option("--queries", "20000"), CultureInfo.InvariantCulture);
    var words = File.ReadAllLines(Option("--words", "bench/search/queries.txt")).Where(l => l.Length > 0).ToArray();
    using var raw = new RawLucene(index);
    var queries = words.Select(RawLucene.QueryFor).ToArray();
    await Latency.MeasureAsync("warm-up", 2000, threads, i => Task.FromResult(raw.Search(queries[i % queries.Length])));
    var loop = await Latency.MeasureAsync("raw", count, threads, i => Task.FromResult(raw.Search(queries[i % queries.Length])));
    // How selective each query is on this corpus: the share of documents holding all its words.
    Console.WriteLine("| query | documents holding every word |");
    for (var i = 0; i < words.Length; i++)
    {
        Console.WriteLine($"| {words[i]} | {100.0 * raw.Search(queries[i]) / Math.Max(1, raw.Documents):N1} % |");
    }
    Console.WriteLine($"| index segments | {raw.Segments} |");
    Console.WriteLine($"| raw Lucene loop, {threads} threads | {loop.PerSecond:N0} q/s | p50 {loop.P50:N2} ms | p99 {loop.P99:N2} ms |");
    Console.WriteLine($"RAW_QPS={loop.PerSecond.ToString("F0", CultureInfo.InvariantCulture)}");
    return 0;
}

ServiceProvider Services(string data) => BenchServices.Build(data, Directory.GetCurrentDirectory());

string Option(string name, string fallback) => BenchServices.Option(args, name, fallback);

// The realistic corpus at a glance: its inventory, one document, how many distinct syllables 2,000 documents use.
static int Sample()
{
    var corpus = new ZipfCorpus(seed: 20261127);
    var documents = Enumerable.Range(0, 2000).Select(corpus.Next).ToList();
    var syllables = documents.SelectMany(d => (d.Title + " " + d.Summary + " " + d.Body).ToLowerInvariant()
        .Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
    Console.WriteLine($"generated syllables: {ZipfCorpus.Inventory.Length:N0}; distinct syllables in 2,000 documents: {syllables.Count:N0}");
    foreach (var query in ZipfCorpus.Queries)
    {
        var words = query.Split(' ').Select(Syllables.Fold).ToArray();
        var holding = documents.Count(d => words.All(w => Words(d).Contains(w)));
        var spellings = syllables.Where(s => words.Contains(Syllables.Fold(s))).Take(12);
        Console.WriteLine($"{query}: {100.0 * holding / documents.Count:N1} % of documents; written {string.Join(", ", spellings)}");
    }
    Console.WriteLine(corpus.NextCall(0));
    return 0;
}

static HashSet<string> Words(SearchDocument d) => (d.Title + " " + d.Summary + " " + d.Body).ToLowerInvariant()
    .Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries).Select(Syllables.Fold).ToHashSet(StringComparer.Ordinal);

static int Usage()
{
    Console.Error.WriteLine("usage: Portals.Search.Pipeline publish --data DIR [--docs N] | raw --index DIR [--threads N]");
    return 2;
}
