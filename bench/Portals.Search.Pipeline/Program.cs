using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Portals.Core;
using Portals.Core.Content;
using Portals.Core.Modules;
using Portals.Core.Tenants;
using Portals.Search;
using Portals.Search.Bench;
using Portals.Search.Indexing;

// Usage:
//   publish: Portals.Search.Pipeline publish --data DIR [--docs 100000] [--batch 1000]
//            both tenants set up from their recipes, N news items published through the content store (validation,
//            versions, change log), then the indexer catches up from the change log into the shared Lucene index.
//   raw:     Portals.Search.Pipeline raw --index DIR [--threads 8] [--queries 20000]
//            the ceiling: a plain IndexSearcher query loop over the same index, same query words as bench/search/queries.lua.
var mode = args.FirstOrDefault() ?? "publish";
return mode switch
{
    "publish" => await PublishAsync(),
    "raw" => await RawAsync(),
    _ => Usage(),
};

async Task<int> PublishAsync()
{
    var data = Path.GetFullPath(Option("--data", Path.Combine(Path.GetTempPath(), "portals-pipeline")));
    var docs = int.Parse(Option("--docs", "100000"), CultureInfo.InvariantCulture);
    var batch = int.Parse(Option("--batch", "1000"), CultureInfo.InvariantCulture);
    await using var services = Services(data);
    var registry = services.GetRequiredService<TenantRegistry>();
    foreach (var tenant in registry.All)
    {
        await services.GetRequiredService<TenantInitializer>().InitializeAsync(tenant, default);
    }
    var store = services.GetRequiredService<IContentStore>();
    var indexer = services.GetRequiredService<SearchIndexer>();
    var corpus = new Corpus(seed: 20261127);
    var publishing = TimeSpan.Zero;
    var indexing = TimeSpan.Zero;
    var total = Stopwatch.StartNew();
    for (var start = 0; start < docs; start += batch)
    {
        var documents = Enumerable.Range(start, Math.Min(batch, docs - start)).Select(corpus.Next).ToList();
        foreach (var group in documents.GroupBy(d => d.Tenant))
        {
            var tenant = registry.Get(group.Key);
            var begin = Stopwatch.GetTimestamp();
            await using (var session = await store.OpenAsync(tenant, default))
            {
                foreach (var document in group)
                {
                    await session.SaveAsync(ToNews(document), SaveMode.Publish, default);
                }
                await session.CommitAsync(default);
            }
            publishing += Stopwatch.GetElapsedTime(begin);
            begin = Stopwatch.GetTimestamp();
            await indexer.CatchUpAsync(tenant, default);
            indexing += Stopwatch.GetElapsedTime(begin);
        }
        if ((start / batch) % 10 == 0)
        {
            Console.Error.WriteLine($"{start + batch}/{docs} published and indexed");
        }
    }
    total.Stop();
    var results = await services.GetRequiredService<ISearchIndex>().SearchAsync(new SearchQuery(null, null, null, null, 1, 1), default);
    Console.WriteLine($"| documents | {docs:N0} (index holds {results.Total:N0} incl. seed) |");
    Console.WriteLine($"| publish + index, end to end | {docs / total.Elapsed.TotalSeconds:N0} docs/s ({total.Elapsed.TotalSeconds:N1} s) |");
    Console.WriteLine($"| of which publishing (store, validation, versions, change log) | {docs / publishing.TotalSeconds:N0} docs/s |");
    Console.WriteLine($"| of which indexing (change log → Lucene) | {docs / indexing.TotalSeconds:N0} docs/s |");
    Console.WriteLine($"| pipeline process peak RSS | {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB |");
    return 0;
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
    Console.WriteLine($"| raw Lucene loop, {threads} threads | {loop.PerSecond:N0} q/s | p50 {loop.P50:N2} ms | p99 {loop.P99:N2} ms |");
    Console.WriteLine($"RAW_QPS={loop.PerSecond.ToString("F0", CultureInfo.InvariantCulture)}");
    return 0;
}

static ContentItem ToNews(SearchDocument document) => new(new JsonObject
{
    ["ContentItemId"] = document.ContentItemId,
    ["ContentType"] = "NewsArticle",
    ["TitlePart"] = new JsonObject { ["Title"] = document.Title },
    ["HtmlBodyPart"] = new JsonObject { ["Html"] = $"<p>{System.Net.WebUtility.HtmlEncode(document.Body)}</p>" },
    ["NewsArticle"] = new JsonObject
    {
        ["Summary"] = new JsonObject { ["Text"] = document.Summary },
        ["Sector"] = new JsonObject
        {
            ["TaxonomyContentItemId"] = "sector-taxonomy",
            ["TermContentItemIds"] = new JsonArray(document.Sectors.Select(s => (JsonNode)SectorId(s)).Distinct().ToArray()),
        },
    },
});

static string SectorId(string label) => "sector-" + Portals.Core.Content.VietnameseText.Slugify(label);

ServiceProvider Services(string data)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Portals:DataPath"] = data,
        ["Portals:Setup:AdminPassword"] = "bench-only-password",
        ["Portals:Tenants:haugiang:DisplayName"] = "Hậu Giang",
        ["Portals:Tenants:haugiang:SetupRecipe"] = "haugiang",
        ["Portals:Tenants:cantho:DisplayName"] = "Cần Thơ",
        ["Portals:Tenants:cantho:SetupRecipe"] = "cantho",
    }).Build();
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = Directory.GetCurrentDirectory(), EnvironmentName = "Production" });
    services.AddPortalsCore(configuration);
    foreach (var manifest in new[] { Portals.Taxonomies.Manifest.Value, Portals.Cooperation.Manifest.Value, Portals.Investment.Manifest.Value, Portals.News.Manifest.Value, Portals.Contents.Manifest.Value })
    {
        services.AddModuleManifest(manifest);
    }
    services.AddSearchModule(configuration);
    return services.BuildServiceProvider();
}

string Option(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Portals.Search.Pipeline publish --data DIR [--docs N] | raw --index DIR [--threads N]");
    return 2;
}
