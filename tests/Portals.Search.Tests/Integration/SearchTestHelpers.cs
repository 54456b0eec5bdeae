using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Tenants;
using Portals.Search.Http;
using Portals.Testing;

namespace Portals.Search.Tests.Integration;

internal static class SearchTestHelpers
{
    /// <summary>A news item whose title carries a made-up word, so a search for it finds only this test's items.</summary>
    public static ContentItem NewsItem(string id, string title) => new(new JsonObject
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "NewsArticle",
        ["TitlePart"] = new JsonObject { ["Title"] = title },
        ["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>Nội dung về hợp tác giữa hai địa phương.</p>" },
        ["NewsArticle"] = new JsonObject
        {
            ["Summary"] = new JsonObject { ["Text"] = "Tóm tắt" },
            ["Sector"] = new JsonObject { ["TaxonomyContentItemId"] = "sector-taxonomy", ["TermContentItemIds"] = new JsonArray("sector-xuc-tien-dau-tu") },
        },
    });

    public static async Task WriteAsync(PortalsFactory node, string tenant, Func<IContentSession, Task> write)
    {
        await using var session = await node.Service<IContentStore>().OpenAsync(node.Service<TenantRegistry>().Get(tenant), default);
        await write(session);
        await session.CommitAsync(default);
    }

    public static async Task<SearchResponse> SearchAsync(PortalsFactory node, string query) =>
        (await node.CreateClient().GetFromJsonAsync<SearchResponse>("/api/search?pageSize=50&q=" + Uri.EscapeDataString(query)))!;

    /// <summary>
    /// Polls until the search answers as expected. The deadline is generous on purpose: tests never assert timings
    /// on this noisy machine; the benchmark measures how fast changes really appear.
    /// </summary>
    public static async Task<SearchResponse> EventuallyAsync(PortalsFactory node, string query, Func<SearchResponse, bool> expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var response = await SearchAsync(node, query);
            if (expected(response) || DateTime.UtcNow > deadline)
            {
                return response;
            }
            await Task.Delay(50);
        }
    }

    public static IEnumerable<string> Ids(SearchResponse response) => response.Items.Select(i => $"{i.Tenant}/{i.ContentItemId}").Order();
}
