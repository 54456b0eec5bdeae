using System.Net;
using Portals.Testing;

namespace Portals.Themes.Tests;

/// <summary>Lists page by ten, with previous/next and numbered links that keep the filters.</summary>
public sealed class PagingTests(PortalsFactory portals) : IClassFixture<PortalsFactory>
{
    [Fact]
    public async Task News_TwelveArticles_TwoPagesWithLinks()
    {
        var items = Enumerable.Range(1, 12).Select(i => SectionContent.News($"ct-tin-trang-{i:00}", $"Tin phân trang số {i:00}")).ToArray();
        await SectionContent.PublishAsync(portals, "cantho", items);
        using var client = portals.CreateClient();

        var first = await client.GetStringAsync("/cantho/tin-tuc");
        Assert.Contains("<h2 id=\"ket-qua\">13 kết quả</h2>", first, StringComparison.Ordinal); // 12 + the seeded article
        Assert.Equal(10, CountCards(first));
        Assert.Contains("<a href=\"/cantho/tin-tuc?trang=2\" rel=\"next\">Trang sau ›</a>", first, StringComparison.Ordinal);
        Assert.Contains("<span aria-current=\"page\">1</span>", first, StringComparison.Ordinal);

        var second = await client.GetStringAsync("/cantho/tin-tuc?trang=2");
        Assert.Equal(3, CountCards(second));
        Assert.Contains("<a href=\"/cantho/tin-tuc\" rel=\"prev\">‹ Trang trước</a>", second, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/cantho/tin-tuc?trang=2\">", second, StringComparison.Ordinal);

        // The newest first: article 12 on page 1, article 01 on page 2.
        Assert.Contains("Tin phân trang số 12", first, StringComparison.Ordinal);
        Assert.Contains("Tin phân trang số 01", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotFound_CanonicalIsTheRequestedUrl()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/haugiang/trang-da-go");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await portals.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/haugiang/trang-da-go\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static int CountCards(string html) => html.Split("<article class=\"card\">").Length - 1;
}
