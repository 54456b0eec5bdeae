using System.Globalization;
using System.Text.Json.Nodes;
using Portals.Core.Content;

namespace Portals.Search.Bench;

/// <summary>Benchmark documents as content items of the real types (Orchard Core JSON), as an editor or an API client posts them.</summary>
internal static class Items
{
    public static ContentItem ToItem(SearchDocument document) => new(ToJson(document));

    public static JsonObject ToJson(SearchDocument document)
    {
        var call = document.ContentType == "InvestmentCall";
        var type = call ? "InvestmentCall" : "NewsArticle";
        var part = new JsonObject
        {
            ["Summary"] = new JsonObject { ["Text"] = document.Summary },
            ["Sector"] = new JsonObject
            {
                ["TaxonomyContentItemId"] = "sector-taxonomy",
                ["TermContentItemIds"] = new JsonArray(document.Sectors.Select(SectorId).Distinct().Select(s => (JsonNode)s).ToArray()),
            },
        };
        if (call)
        {
            // Fixed from the id, so reloading gives the same values.
            var n = int.Parse(document.ContentItemId.AsSpan(4), CultureInfo.InvariantCulture);
            part["Location"] = new JsonObject { ["Text"] = document.Tenant == "haugiang" ? "Hậu Giang" : "Cần Thơ" };
            part["Status"] = new JsonObject { ["Text"] = "dang-keu-goi" };
            part["AreaHa"] = new JsonObject { ["Value"] = 1 + (n % 200) };
            part["TotalCapitalBillionVnd"] = new JsonObject { ["Value"] = 10 + (n % 90) * 10 };
        }

        return new JsonObject
        {
            ["ContentItemId"] = document.ContentItemId,
            ["ContentType"] = type,
            ["TitlePart"] = new JsonObject { ["Title"] = document.Title },
            ["HtmlBodyPart"] = new JsonObject { ["Html"] = $"<p>{System.Net.WebUtility.HtmlEncode(document.Body)}</p>" },
            [type] = part,
        };
    }

    /// <summary>The worst case's labels as terms of the recipes' sector taxonomy (validation refuses unknown terms).</summary>
    private static readonly Dictionary<string, string> WorstCaseSectors = new(StringComparer.Ordinal)
    {
        ["nông nghiệp"] = "sector-nong-nghiep", ["thủy sản"] = "sector-nong-nghiep", ["giao thông"] = "sector-giao-thong",
        ["y tế"] = "sector-y-te", ["giáo dục"] = "sector-giao-duc", ["du lịch"] = "sector-thuong-mai-du-lich",
        ["kinh tế"] = "sector-xuc-tien-dau-tu", ["văn hóa"] = "sector-an-sinh-xa-hoi", ["môi trường"] = "sector-moi-truong",
        ["khoa học"] = "sector-khcn-tttt", ["hành chính"] = "sector-khcn-tttt", ["an ninh"] = "sector-quoc-phong-an-ninh",
    };

    /// <summary>The realistic corpus carries term ids; the worst case carries labels.</summary>
    private static string SectorId(string sector) =>
        sector.StartsWith("sector-", StringComparison.Ordinal) ? sector : WorstCaseSectors[sector];
}
