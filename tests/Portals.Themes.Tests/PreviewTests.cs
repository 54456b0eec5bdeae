using System.Net;
using System.Net.Http.Headers;
using Portals.Testing;

namespace Portals.Themes.Tests;

/// <summary>A draft preview needs PreviewContent, is marked as a preview, and is never stored or indexed.</summary>
public sealed class PreviewTests(PortalsFactory portals) : IClassFixture<PortalsFactory>
{
    private readonly ApiTestKit _kit = new(portals);

    [Fact]
    public async Task Preview_WithPermission_RendersTheDraftMarkedNoindexNoStore()
    {
        await SectionContent.DraftAsync(portals, "haugiang", SectionContent.News("hg-ban-nhap", "Bản nháp xem trước"));
        using var client = _kit.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _kit.TokenAsync("haugiang", ApiTestKit.AuthorClient));
        using var response = await client.GetAsync("/haugiang/preview/hg-ban-nhap");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Bản nháp xem trước</h1>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"preview-banner\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);

        using var anonymous = await _kit.Client().GetAsync("/haugiang/tin-tuc");
        Assert.DoesNotContain("Bản nháp xem trước", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_Anonymous401_NoPermission403_OtherTenantsToken401()
    {
        await SectionContent.DraftAsync(portals, "cantho", SectionContent.News("ct-ban-nhap", "Bản nháp riêng"));
        using var anonymous = await _kit.Client().GetAsync("/cantho/preview/ct-ban-nhap");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var reader = _kit.Client();
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _kit.TokenAsync("cantho", ApiTestKit.ReaderClient));
        using var forbidden = await reader.GetAsync("/cantho/preview/ct-ban-nhap");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var foreign = await _kit.ClientAsAsync(Caller.OtherTenant, "cantho");
        using var other = await foreign.GetAsync("/cantho/preview/ct-ban-nhap");
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }
}
