using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portals.Bench;
using Portals.Core.Content;
using Portals.Core.Tenants;
using Portals.Search.Indexing;

// Usage:
//   seed:    Portals.Api.Seed seed --data DIR [--items 100000] [--batch 1000]
//            both tenants set up from their recipes; in haugiang the API benchmark's 200 investment calls
//            (hg-bench-001…200, as bench/api/run.sh posts them), then generated items up to --items (half news, half
//            investment calls, 4 sectors), published through the content store in sessions of --batch; then the search
//            indexer catches up, so the server starts with nothing left to index.
//   profile: Portals.Api.Seed profile --data DIR [--loops 2000] [--threads 1]
//            in-process CPU per store call (no HTTP) on that data: the reads behind the API benchmark's URLs.
var mode = args.FirstOrDefault() ?? "seed";
return mode switch
{
    "seed" => await SeedAsync(),
    "profile" => await ProfileAsync(),
    _ => Usage(),
};

async Task<int> SeedAsync()
{
    var data = Path.GetFullPath(Option("--data", Path.Combine(Path.GetTempPath(), "portals-api-seed")));
    var items = int.Parse(Option("--items", "100000"), CultureInfo.InvariantCulture);
    var batch = int.Parse(Option("--batch", "1000"), CultureInfo.InvariantCulture);
    await using var services = Services(data);
    var registry = services.GetRequiredService<TenantRegistry>();
    foreach (var tenant in registry.All)
    {
        await services.GetRequiredService<TenantInitializer>().InitializeAsync(tenant, default);
    }
    var haugiang = registry.Get("haugiang");
    var store = services.GetRequiredService<IContentStore>();
    var clock = Stopwatch.StartNew();
    for (var start = 1; start <= items; start += batch)
    {
        await using var session = await store.OpenAsync(haugiang, default);
        for (var number = start; number < start + batch && number <= items; number++)
        {
            await session.SaveAsync(Item(number), SaveMode.Publish, default);
        }
        await session.CommitAsync(default);
        if (start % (batch * 10) == 1)
        {
            Console.Error.WriteLine($"   {Math.Min(start + batch - 1, items)}/{items} published");
        }
    }
    var publishing = clock.Elapsed;
    await services.GetRequiredService<SearchIndexer>().CatchUpAsync(haugiang, default);
    Console.Error.WriteLine($"   seeded {items:N0} items in {publishing.TotalSeconds:N1} s, indexed in {(clock.Elapsed - publishing).TotalSeconds:N1} s");
    return 0;
}

async Task<int> ProfileAsync()
{
    var data = Path.GetFullPath(Option("--data", Path.Combine(Path.GetTempPath(), "portals-api-seed")));
    var loops = int.Parse(Option("--loops", "2000"), CultureInfo.InvariantCulture);
    // Several sessions at once, as a server under load opens them (each on its own pooled connection).
    var threads = int.Parse(Option("--threads", "1"), CultureInfo.InvariantCulture);
    await using var services = Services(data);
    var registry = services.GetRequiredService<TenantRegistry>();
    var haugiang = registry.Get("haugiang");
    await services.GetRequiredService<TenantInitializer>().InitializeAsync(haugiang, default);
    var store = services.GetRequiredService<IContentStore>();
    // As the JSON API asks: lists count up to Portals:Api:ListTotalLimit (200), a feed never counts.
    const int Limit = 200;
    var cases = new (string Name, ContentQuery? Query, Func<IContentSession, Task<string>> Read)[]
    {
        ("get-by-id", null, async s => (await s.GetJsonAsync("hg-bench-100", VersionOptions.Published, default))?.Length.ToString(CultureInfo.InvariantCulture) ?? "missing"),
        ("by-path", null, async s => (await s.GetPublishedJsonByPathAsync("du-an-keu-goi-dau-tu-so-100-tai-hau-giang", default))?.Length.ToString(CultureInfo.InvariantCulture) ?? "missing"),
        ("list type", new ContentQuery("NewsArticle", TotalLimit: Limit), null!),
        ("list type+sector", new ContentQuery("InvestmentCall", "sector-giao-thong", TotalLimit: Limit), null!),
        ("list type, page 400", new ContentQuery("NewsArticle", Page: 400, TotalLimit: Limit), null!),
        ("list type+sector, page 400", new ContentQuery("InvestmentCall", "sector-giao-thong", Page: 400, TotalLimit: Limit), null!),
        ("list type, title sort", new ContentQuery("NewsArticle", Sort: ContentSort.TitleAscending, TotalLimit: Limit), null!),
        ("list type, q=hop tac", new ContentQuery("NewsArticle", Text: "hop tac", TotalLimit: Limit), null!),
        ("list type, exact total", new ContentQuery("NewsArticle"), null!),
        ("feed (50 news)", new ContentQuery("NewsArticle", PageSize: 50, TotalLimit: 1), null!),
    };
    Console.WriteLine($"| store call (in-process) | µs CPU per call | µs wall per call | result |");
    Console.WriteLine("|---|---:|---:|---|");
    foreach (var (name, query, get) in cases)
    {
        var read = query is null ? get : async s =>
        {
            var page = await s.QueryAsync(query, default);
            return $"{page.Items.Count} items, total {page.Total}{(page.TotalIsExact ? "" : "+")}";
        };
        var result = "";
        async Task Once()
        {
            await using var session = await store.OpenAsync(haugiang, default);
            result = await read(session);
        }
        var n = query is null ? loops : Math.Max(20, loops / 10);
        for (var i = 0; i < Math.Min(n, 50); i++)
        {
            await Once();
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < n / threads; i++)
            {
                await Once();
            }
        })));
        wall.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var calls = n / threads * threads;
        Console.WriteLine($"| {name} | {used.TotalMicroseconds / calls:N0} | {wall.Elapsed.TotalMicroseconds / calls:N0} | {result} |");
    }
    return 0;
}

static ContentItem Item(int number)
{
    // The benchmark's own 200 investment calls first, exactly as bench/api/run.sh posts them.
    var sectors = new[] { "sector-giao-thong", "sector-y-te", "sector-giao-duc", "sector-moi-truong" };
    var sector = sectors[number % 4];
    if (number <= 200 || number % 2 == 0)
    {
        var id = number <= 200 ? $"hg-bench-{number:D3}" : $"hg-call-{number:D6}";
        return new(new JsonObject
        {
            ["ContentItemId"] = id,
            ["ContentType"] = "InvestmentCall",
            ["TitlePart"] = new JsonObject { ["Title"] = $"Dự án kêu gọi đầu tư số {number} tại Hậu Giang" },
            ["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Khu đất thuộc huyện Châu Thành, gần Quốc lộ 61C, thuận tiện giao thông thủy bộ.</p>" },
            ["InvestmentCall"] = new JsonObject
            {
                ["Summary"] = new JsonObject { ["Text"] = $"Dự án số {number} kêu gọi nhà đầu tư trong và ngoài nước." },
                ["Sector"] = new JsonObject { ["TermContentItemIds"] = new JsonArray(sector) },
                ["Location"] = new JsonObject { ["Text"] = "Châu Thành, Hậu Giang" },
                ["Status"] = new JsonObject { ["Text"] = "dang-keu-goi" },
                ["AreaHa"] = new JsonObject { ["Value"] = number * 3 % 1000 },
                ["TotalCapitalBillionVnd"] = new JsonObject { ["Value"] = number * 10 % 10000 },
            },
        });
    }
    return new(new JsonObject
    {
        ["ContentItemId"] = $"hg-news-{number:D6}",
        ["ContentType"] = "NewsArticle",
        ["TitlePart"] = new JsonObject { ["Title"] = $"Tin hợp tác Hậu Giang – Cần Thơ số {number}" },
        ["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Tin thử nghiệm của bộ đo hiệu năng: hai địa phương trao đổi về hợp tác phát triển vùng.</p>" },
        ["NewsArticle"] = new JsonObject
        {
            ["Summary"] = new JsonObject { ["Text"] = $"Tin thử nghiệm số {number}." },
            ["Sector"] = new JsonObject { ["TaxonomyContentItemId"] = "sector-taxonomy", ["TermContentItemIds"] = new JsonArray(sector) },
        },
    });
}

ServiceProvider Services(string data) => BenchServices.Build(data, AppContext.BaseDirectory);

string Option(string name, string fallback) => BenchServices.Option(args, name, fallback);

static int Usage()
{
    Console.Error.WriteLine("usage: Portals.Api.Seed seed --data DIR [--items N] [--batch N] | profile --data DIR [--loops N]");
    return 2;
}
