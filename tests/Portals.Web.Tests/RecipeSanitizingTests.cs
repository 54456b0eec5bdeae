using Portals.Core.Content;
using Portals.Core.Recipes;
using Portals.Testing;

namespace Portals.Web.Tests;

/// <summary>HTML that arrives by a recipe is cleaned by the same save as the API and the admin form.</summary>
public sealed class RecipeSanitizingTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private const string Hostile =
        "<p>Ưu đãi <strong>thuế</strong> cho nhà đầu tư.</p><script>alert(1)</script>" +
        "<img src=\"/haugiang/media/anh.png\" onerror=\"alert(2)\" alt=\"Ảnh\"><a href=\"javascript:alert(3)\">Đăng ký</a>" +
        "<a href=\"https://haugiang.gov.vn/\" onclick=\"alert(4)\">Cổng tỉnh</a>";

    [Fact]
    public async Task Script_onerror_and_javascript_links_are_stripped_from_html_applied_by_a_recipe()
    {
        var html = System.Text.Json.JsonSerializer.Serialize(Hostile);
        var recipe = Recipe.Parse($$"""
            { "name": "hostile-html", "steps": [ { "name": "content", "data": [
              { "ContentItemId": "tin-html-doc-hai", "ContentType": "NewsArticle", "Published": true,
                "TitlePart": { "Title": "Tin có HTML độc hại" }, "HtmlBodyPart": { "Html": {{html}} } },
              { "ContentItemId": "keu-goi-html-doc-hai", "ContentType": "InvestmentCall", "Published": false,
                "TitlePart": { "Title": "Kêu gọi đầu tư có HTML độc hại" }, "HtmlBodyPart": { "Html": {{html}} },
                "InvestmentCall": {
                  "Sector": { "TermContentItemIds": [ "sector-giao-thong" ] }, "Location": { "Text": "Vị Thanh, Hậu Giang" },
                  "Status": { "Text": "dang-keu-goi" }, "Incentives": { "Html": {{html}} } } }
            ] } ] }
            """, "hostile-html.recipe.json");

        await factory.Service<RecipeExecutor>().ApplyAsync(factory.Tenant("haugiang"), recipe, default);

        await using var session = await factory.Service<IContentStore>().OpenAsync(factory.Tenant("haugiang"), default);
        var news = (await session.GetAsync("tin-html-doc-hai", VersionOptions.Published, default))!;
        var call = (await session.GetAsync("keu-goi-html-doc-hai", VersionOptions.Latest, default))!;
        var stored = new[]
        {
            news.Part("HtmlBodyPart")!["Html"]!.GetValue<string>(),
            call.Part("HtmlBodyPart")!["Html"]!.GetValue<string>(),
            call.Part("InvestmentCall")!["Incentives"]!["Html"]!.GetValue<string>(),
        };
        foreach (var text in stored)
        {
            Assert.Contains("<strong>thuế</strong>", text, StringComparison.Ordinal);
            Assert.Contains("alt=\"Ảnh\"", text, StringComparison.Ordinal);
            Assert.Contains("href=\"https://haugiang.gov.vn/\"", text, StringComparison.Ordinal);
            Assert.Contains(">Đăng ký</a>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("alert(", text, StringComparison.Ordinal);
            Assert.DoesNotContain("onerror", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onclick", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
