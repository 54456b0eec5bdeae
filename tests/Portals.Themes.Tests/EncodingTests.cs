using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Testing;

namespace Portals.Themes.Tests;

/// <summary>Titles, summaries and bodies holding &lt;script&gt; or Liquid syntax are shown as text, never run.</summary>
public sealed class EncodingTests(PortalsFactory portals) : IClassFixture<PortalsFactory>
{
    private const string Title = "<script>alert('tieu-de')</script> {{ 7 | plus: 1 }} {% assign x = 1 %}kêu gọi zqxhostile";
    private const string Summary = "Tóm tắt <img src=x onerror=alert(1)> {{ site.tenant }}";
    private const string Body = "<p>Đoạn {{ 6 | times: 7 }} an toàn</p><script>alert('than')</script><a href=\"javascript:alert(1)\">liên kết</a><img src=\"https://example.org/a.png\">";

    [Fact]
    public async Task HostileTitleSummaryAndBody_AreShownAsText_OnEveryPage()
    {
        var item = SectionContent.Call("hg-hostile", Title, "sector-giao-thong", "dang-keu-goi", 10, 1, null);
        item["InvestmentCall"]!["Summary"] = new JsonObject { ["Text"] = Summary };
        item["HtmlBodyPart"] = new JsonObject { ["Html"] = Body };
        var saved = (await SectionContent.PublishAsync(portals, "haugiang", item))[0];
        using var client = portals.CreateClient();

        var encodedTitle = "&lt;script&gt;alert(&#x27;tieu-de&#x27;)&lt;/script&gt; {{ 7 | plus: 1 }} {% assign x = 1 %}kêu gọi zqxhostile";
        var pages = new[] { $"/haugiang/{saved.Path}", "/haugiang/", "/haugiang/keu-goi-dau-tu" };
        foreach (var url in pages)
        {
            var html = await client.GetStringAsync(url);
            Assert.Contains(encodedTitle, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain(">8 ", html, StringComparison.Ordinal); // {{ 7 | plus: 1 }} was not evaluated
        }

        var page = await client.GetStringAsync($"/haugiang/{saved.Path}");
        Assert.Contains($"<title>{encodedTitle} – ", page, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:title\" content=\"{encodedTitle}\">", page, StringComparison.Ordinal);
        Assert.Contains("Tóm tắt &lt;img src=x onerror=alert(1)&gt; {{ site.tenant }}", page, StringComparison.Ordinal);
        // Sanitized rich text: the paragraph stays, its Liquid is text, the script and the javascript: link are gone.
        Assert.Contains("<p>Đoạn {{ 6 | times: 7 }} an toàn</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", page, StringComparison.Ordinal);
        Assert.DoesNotContain("42", page, StringComparison.Ordinal);
        Assert.Contains("<img src=\"https://example.org/a.png\" alt=\"\">", page, StringComparison.Ordinal);

        string search = "";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        // The page echoes the query in its search box, so wait for a word only the result's title holds.
        while (!search.Contains("tieu-de", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "The item was not indexed within 30 s.");
            await Task.Delay(100);
            search = await client.GetStringAsync("/cantho/tim-kiem?q=zqxhostile");
        }
        Assert.DoesNotContain("<script", search, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(encodedTitle, search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventRegistration_ScriptLinkRefusedOnSave_NonWebLinkNeverAButton()
    {
        // The store refuses a javascript: URL outright; the theme still turns only http(s) links into buttons.
        var hostile = SectionContent.Event("hg-su-kien-js", "Sự kiện liên kết lạ", "2099-01-01T08:00:00+07:00", "javascript:alert(1)");
        var refused = await Assert.ThrowsAsync<ContentValidationException>(() => SectionContent.PublishAsync(portals, "haugiang", hostile));
        Assert.Contains(refused.Errors, e => e.Key.EndsWith("RegistrationLink", StringComparison.Ordinal));

        var item = SectionContent.Event("hg-su-kien-mail", "Sự kiện đăng ký qua thư", "2099-01-01T08:00:00+07:00", "mailto:dangky@example.vn");
        var saved = (await SectionContent.PublishAsync(portals, "haugiang", item))[0];
        var html = await portals.CreateClient().GetStringAsync($"/haugiang/{saved.Path}");
        Assert.Contains("Sự kiện đăng ký qua thư", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"button\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchBox_EchoesTheQueryEncoded()
    {
        var html = await portals.CreateClient().GetStringAsync("/haugiang/tim-kiem?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E%7B%7B1%7D%7D");
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;{{1}}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }
}
