using System.Text.Json.Nodes;
using Portals.Core.Content;

namespace Portals.Testing;

/// <summary>
/// Content of every routable type for public-page tests, written straight through the store. The recipes seed only
/// what the programme text states (the programme, two key projects, one news article); these items are test data,
/// marked as such in their titles, never seed content.
/// </summary>
public static class SectionContent
{
    public const string TestMark = "(dữ liệu thử nghiệm)";

    /// <summary>Prefix of a tenant's seeded ids: <c>hg</c> or <c>ct</c>.</summary>
    public static string Prefix(string tenant) => tenant == "haugiang" ? "hg" : "ct";

    /// <summary>One sector agreement, one report, three investment calls (two sectors, two statuses), an upcoming and a past event.</summary>
    public static async Task SeedAsync(PortalsFactory factory, string tenant)
    {
        var p = Prefix(tenant);
        var program = $"{p}-chuong-trinh-2021-2025";
        await PublishAsync(factory, tenant,
            Item($"{p}-tt-giao-thong", "SectorAgreement", $"Thỏa thuận hợp tác giao thông {TestMark}", new JsonObject
            {
                ["Summary"] = Text("Thỏa thuận thử nghiệm giữa hai sở giao thông."),
                ["Sector"] = Terms("sector-giao-thong"),
                ["Program"] = Ids(program),
                ["HauGiangAgency"] = Text("Sở Giao thông vận tải tỉnh Hậu Giang"),
                ["CanThoAgency"] = Text("Sở Giao thông vận tải thành phố Cần Thơ"),
                ["SigningDate"] = Value("2022-03-15"),
            }),
            Item($"{p}-bao-cao-2023", "ProgressReport", $"Báo cáo sơ kết năm 2023 {TestMark}", new JsonObject
            {
                ["Summary"] = Text("Báo cáo thử nghiệm về kết quả hợp tác."),
                ["ReportKind"] = Text("so-ket"),
                ["PeriodStart"] = Value("2023-01-01"),
                ["PeriodEnd"] = Value("2023-12-31"),
                ["Program"] = Ids(program),
            }),
            Call($"{p}-kcn-a", $"Khu công nghiệp thử nghiệm A {TestMark}", "sector-giao-thong", "dang-keu-goi", 1250.5m, 120, "2099-12-31"),
            Call($"{p}-du-lich-b", $"Khu du lịch sinh thái thử nghiệm B {TestMark}", "sector-thuong-mai-du-lich", "dang-keu-goi", 300, 45.5m, null),
            Call($"{p}-cho-c", $"Chợ đầu mối thử nghiệm C {TestMark}", "sector-thuong-mai-du-lich", "da-co-nha-dau-tu", 80, 3, "2020-01-31"),
            Event($"{p}-hoi-nghi-sap-toi", $"Hội nghị xúc tiến đầu tư sắp tới {TestMark}", "2099-05-20T08:00:00+07:00", "https://example.org/dang-ky"),
            Event($"{p}-hoi-nghi-da-qua", $"Hội nghị xúc tiến đầu tư đã qua {TestMark}", "2021-05-20T08:00:00+07:00", null));
    }

    public static JsonObject Call(string id, string title, string sector, string status, decimal capital, decimal area, string? deadline)
    {
        var own = new JsonObject
        {
            ["Summary"] = Text("Dự án thử nghiệm kêu gọi nhà đầu tư."),
            ["Sector"] = Terms(sector),
            ["Location"] = Text("Châu Thành, Hậu Giang"),
            ["Status"] = Text(status),
            ["AreaHa"] = new JsonObject { ["Value"] = area },
            ["TotalCapitalBillionVnd"] = new JsonObject { ["Value"] = capital },
            ["InvestmentForm"] = Text("Thử nghiệm"),
            ["ContactAgency"] = Text("Cơ quan đầu mối thử nghiệm"),
            ["Incentives"] = new JsonObject { ["Html"] = "<p>Ưu đãi thử nghiệm.</p>" },
        };
        if (deadline is not null)
        {
            own["Deadline"] = Value(deadline);
        }
        return Item(id, "InvestmentCall", title, own, "<p>Mô tả dự án thử nghiệm.</p>");
    }

    public static JsonObject Event(string id, string title, string start, string? registration)
    {
        var own = new JsonObject
        {
            ["Summary"] = Text("Sự kiện thử nghiệm."),
            ["Sector"] = Terms("sector-xuc-tien-dau-tu"),
            ["StartDate"] = Value(start),
            ["Place"] = Text("Hội trường thử nghiệm"),
            ["Scope"] = Text("lien-tinh"),
        };
        if (registration is not null)
        {
            own["RegistrationLink"] = new JsonObject { ["Url"] = registration, ["Text"] = "Đăng ký tham dự" };
        }
        return Item(id, "InvestmentEvent", title, own);
    }

    public static JsonObject News(string id, string title, string? html = null) =>
        Item(id, "NewsArticle", title, new JsonObject { ["Summary"] = Text("Tin thử nghiệm.") }, html);

    public static JsonObject Item(string id, string type, string title, JsonObject own, string? html = null)
    {
        var item = new JsonObject
        {
            ["ContentItemId"] = id,
            ["ContentType"] = type,
            ["TitlePart"] = new JsonObject { ["Title"] = title },
            ["AutoroutePart"] = new JsonObject { ["Path"] = "" },
            [type] = own,
        };
        if (html is not null)
        {
            item["HtmlBodyPart"] = new JsonObject { ["Html"] = html };
        }
        return item;
    }

    /// <summary>The public URL path of a published item: <c>/{tenant}/{AutoroutePart.Path}</c>.</summary>
    public static async Task<string> UrlOfAsync(PortalsFactory factory, string tenant, string id)
    {
        await using var session = await factory.Service<IContentStore>().OpenAsync(factory.Tenant(tenant), default);
        var item = await session.GetAsync(id, VersionOptions.Published, default)
            ?? throw new InvalidOperationException($"'{id}' is not published in '{tenant}'.");
        return $"/{tenant}/{item.Path}";
    }

    /// <summary>One URL per page type of a seeded tenant: home, the five lists, search, and an item of each routable type.</summary>
    public static async Task<IReadOnlyList<string>> PageTypeUrlsAsync(PortalsFactory factory, string tenant)
    {
        var urls = new List<string>
        {
            $"/{tenant}/", $"/{tenant}/keu-goi-dau-tu", $"/{tenant}/du-an-trong-diem", $"/{tenant}/su-kien", $"/{tenant}/bao-cao",
            $"/{tenant}/tin-tuc", $"/{tenant}/tim-kiem?q=kenh%20xang%20xa%20no",
        };
        foreach (var id in new[] { "chuong-trinh-2021-2025", "tt-giao-thong", "du-an-kenh-xa-no", "bao-cao-2023", "kcn-a", "hoi-nghi-sap-toi", "tin-ky-ket-2021-2025" })
        {
            urls.Add(await UrlOfAsync(factory, tenant, $"{Prefix(tenant)}-{id}"));
        }
        return urls;
    }

    /// <summary>Saves and publishes each item in one transaction; returns them as stored (with their paths).</summary>
    public static Task<IReadOnlyList<ContentItem>> PublishAsync(PortalsFactory factory, string tenant, params JsonObject[] items) =>
        SaveAsync(factory, tenant, SaveMode.Publish, items);

    public static Task<IReadOnlyList<ContentItem>> DraftAsync(PortalsFactory factory, string tenant, params JsonObject[] items) =>
        SaveAsync(factory, tenant, SaveMode.Draft, items);

    public static async Task UnpublishAsync(PortalsFactory factory, string tenant, string id) =>
        await WriteAsync(factory, tenant, s => s.UnpublishAsync(id, default));

    public static async Task DeleteAsync(PortalsFactory factory, string tenant, string id) =>
        await WriteAsync(factory, tenant, s => s.DeleteAsync(id, default));

    private static async Task<IReadOnlyList<ContentItem>> SaveAsync(PortalsFactory factory, string tenant, SaveMode mode, JsonObject[] items)
    {
        var saved = new List<ContentItem>();
        await WriteAsync(factory, tenant, async s =>
        {
            foreach (var item in items)
            {
                saved.Add(await s.SaveAsync(ContentItem.Parse(item.ToJsonString()), mode, default));
            }
            return true;
        });
        return saved;
    }

    private static async Task WriteAsync<T>(PortalsFactory factory, string tenant, Func<IContentSession, Task<T>> write)
    {
        await using var session = await factory.Service<IContentStore>().OpenAsync(factory.Tenant(tenant), default);
        await write(session);
        await session.CommitAsync(default);
    }

    private static JsonObject Text(string text) => new() { ["Text"] = text };

    private static JsonObject Value(string value) => new() { ["Value"] = value };

    private static JsonObject Terms(params string[] ids) => new() { ["TermContentItemIds"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]) };

    private static JsonObject Ids(params string[] ids) => new() { ["ContentItemIds"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]) };
}
