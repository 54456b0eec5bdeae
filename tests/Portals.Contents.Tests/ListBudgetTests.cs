using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests;

/// <summary>A list response may hold at most 16 KiB here (the default is 4 MiB).</summary>
public sealed class SmallListBudgetFactory : PortalsFactory
{
    public const int MaxListBytes = 16 * 1024;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Portals:Api:MaxListBytes", MaxListBytes.ToString(CultureInfo.InvariantCulture))];
}

/// <summary>Issue 7, defect 12: a page of large items is never one huge response; it comes back smaller, with a next link.</summary>
public sealed class ListBudgetTests(SmallListBudgetFactory factory) : IClassFixture<SmallListBudgetFactory>, IAsyncLifetime
{
    private const string Filter = "haugiang/api/content?q=ngan+sach+lon&sort=title";
    private readonly ApiTestKit _kit = new(factory);

    /// <summary>Six items of about 6 KB each: two fit in a page, three do not.</summary>
    public async Task InitializeAsync()
    {
        for (var i = 1; i <= 6; i++)
        {
            var item = ApiTestKit.InvestmentCall($"hg-ngan-sach-{i}", $"Ngân sách lớn {i}");
            item["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>" + new string('a', 6000) + "</p>" };
            await _kit.UpsertAsync(item);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_PageOverTheByteBudget_IsASmallerPage_AndNextLinksCoverEveryItemOnce()
    {
        var first = await GetAsync(Filter + "&pageSize=6");
        Assert.True(first["truncated"]!.GetValue<bool>());
        Assert.Equal(2, first["pageSize"]!.GetValue<int>());
        Assert.Equal(6, first["total"]!.GetValue<int>());

        var ids = await FollowAsync(first);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"hg-ngan-sach-{i}"), ids);
    }

    [Fact]
    public async Task List_LaterPageOverTheByteBudget_ContinuesWithoutGapOrOverlap()
    {
        // Page 2 of size 3 starts at the 4th item; it becomes page 4 of size 1, and next goes on from there.
        var page = await GetAsync(Filter + "&page=2&pageSize=3");
        Assert.True(page["truncated"]!.GetValue<bool>());
        Assert.Equal(4, page["page"]!.GetValue<int>());
        Assert.Equal(1, page["pageSize"]!.GetValue<int>());
        Assert.Equal(["hg-ngan-sach-4", "hg-ngan-sach-5", "hg-ngan-sach-6"], await FollowAsync(page));
    }

    [Fact]
    public async Task List_PageWithinTheBudget_IsUnchanged_AndTheLastHasNoNext()
    {
        var page = await GetAsync(Filter + "&page=3&pageSize=2");
        Assert.False(page["truncated"]!.GetValue<bool>());
        Assert.Equal(2, page["items"]!.AsArray().Count);
        Assert.Null(page["next"]);
    }

    private async Task<List<string>> FollowAsync(JsonObject page)
    {
        var ids = new List<string>();
        for (var guard = 0; guard < 20; guard++)
        {
            ids.AddRange(page["items"]!.AsArray().Select(i => i!["ContentItemId"]!.GetValue<string>()));
            if (page["next"]?.GetValue<string>() is not { } next)
            {
                return ids;
            }
            page = await GetAsync(next.TrimStart('/'));
        }
        throw new InvalidOperationException("The next links never ended.");
    }

    private async Task<JsonObject> GetAsync(string url)
    {
        using var response = await _kit.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length <= SmallListBudgetFactory.MaxListBytes, $"{url}: {bytes.Length} bytes");
        return (JsonObject)JsonNode.Parse(bytes)!;
    }
}
