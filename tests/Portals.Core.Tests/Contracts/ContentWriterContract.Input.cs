using System.Text.Json.Nodes;
using Portals.Core.Content;

namespace Portals.Core.Tests.Contracts;

/// <summary>What a save does with hostile or broken input, whatever the path it came by.</summary>
public abstract partial class ContentWriterContract<THarness>
{
    [Fact]
    public async Task SaveAsync_HostileHtml_SanitizedKeepingEditorialMarkup()
    {
        var item = Offer("h1", "HTML");
        item.Data["HtmlBodyPart"] = new JsonObject
        {
            ["Html"] = "<h2>Mục tiêu</h2><script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">x</a>"
                + "<ul><li>Một</li></ul><table><tbody><tr><td>Ô</td></tr></tbody></table>"
                + "<figure><img src=\"/media/a.jpg\" alt=\"Ảnh\"><figcaption>Chú thích</figcaption></figure>"
                + "<a href=\"https://haugiang.gov.vn/\">Cổng</a><a href=\"mailto:so@haugiang.gov.vn\">Thư</a><iframe src=\"https://x\"></iframe>",
        };
        Part(item)["Incentives"] = new JsonObject { ["Html"] = "<p onclick=\"steal()\">Ưu đãi</p><style>p{}</style>" };
        await SaveAsync(item, SaveMode.Publish);

        var stored = ContentItem.Parse((await PublishedJsonAsync("h1"))!);
        var body = stored.Part("HtmlBodyPart")!["Html"]!.GetValue<string>();
        foreach (var gone in new[] { "<script", "onerror", "javascript:", "<iframe", "alert(1)" })
        {
            Assert.DoesNotContain(gone, body, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var kept in new[] { "<h2>Mục tiêu</h2>", "<li>Một</li>", "<td>Ô</td>", "<figcaption>Chú thích</figcaption>", "src=\"/media/a.jpg\"", "href=\"https://haugiang.gov.vn/\"", "href=\"mailto:so@haugiang.gov.vn\"" })
        {
            Assert.Contains(kept, body, StringComparison.Ordinal);
        }
        Assert.Equal("<p>Ưu đãi</p>", Part(stored)["Incentives"]!["Html"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JavaScript:alert(1)", false)]
    [InlineData("data:text/html,<script>alert(1)</script>", false)]
    [InlineData("vbscript:msgbox", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("https://dangky.haugiang.gov.vn/su-kien", true)]
    [InlineData("mailto:xuctien@cantho.gov.vn", true)]
    [InlineData("tel:+842923820000", true)]
    [InlineData("/tin-tuc/hoi-nghi", true)]
    public async Task SaveAsync_LinkScheme_OnlySafeSchemesAccepted(string url, bool accepted)
    {
        var item = Offer("k1", "Liên kết");
        Part(item)["Website"] = new JsonObject { ["Url"] = url, ["Text"] = "Đăng ký" };
        if (accepted)
        {
            await SaveAsync(item, SaveMode.Publish);
            Assert.NotNull(await PublishedJsonAsync("k1"));
            return;
        }
        var ex = await Assert.ThrowsAsync<ContentValidationException>(() => SaveAsync(item, SaveMode.Publish));
        Assert.Contains(ex.Errors, e => e.Key == "Offer.Website");
    }

    [Theory]
    [InlineData("TitlePart.Title", "\u0000")]
    [InlineData("Offer.Location", "\u0001")]
    [InlineData("HtmlBodyPart.Html", "\u001b")]
    public async Task SaveAsync_ControlCharacter_RejectedNamingField(string key, string control)
    {
        var item = Offer("c1", "Tiêu đề");
        var (part, property) = (key.Split('.')[0], key.Split('.')[1]);
        var text = $"Có ký tự{control} lạ";
        if (part == "Offer")
        {
            Part(item)[property] = new JsonObject { ["Text"] = text };
        }
        else
        {
            item.GetOrCreatePart(part)[property] = text;
        }
        var ex = await Assert.ThrowsAsync<ContentValidationException>(() => SaveAsync(item, SaveMode.Publish));
        Assert.Contains(ex.Errors, e => e.Key == key && e.Message.Contains("ký tự điều khiển", StringComparison.Ordinal));
        Assert.Null(await LatestJsonAsync("c1"));
    }

    [Fact]
    public async Task SaveAsync_TabsAndNewlines_Accepted()
    {
        var item = Offer("c2", "Tiêu đề");
        Part(item)["Location"] = new JsonObject { ["Text"] = "Vị Thanh\r\n\tHậu Giang" };
        await SaveAsync(item, SaveMode.Publish);
        Assert.NotNull(await PublishedJsonAsync("c2"));
    }

    [Theory]
    [InlineData("Sector", "TermContentItemIds", "sector-khong-co", "không có trong danh mục")]
    [InlineData("Sector", "TermContentItemIds", "sector giao thông", "không hợp lệ")]
    [InlineData("Related", "ContentItemIds", "id/with/slashes", "không hợp lệ")]
    public async Task SaveAsync_BadReference_RejectedNamingField(string field, string property, string id, string message)
    {
        var item = Offer("f1", "Tham chiếu");
        Part(item)[field] = new JsonObject { [property] = new JsonArray("sector-y-te", id) };
        var ex = await Assert.ThrowsAsync<ContentValidationException>(() => SaveAsync(item, SaveMode.Publish));
        Assert.Contains(ex.Errors, e => e.Key == $"Offer.{field}" && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SaveAsync_HugeTermId_RejectedWithoutEchoingIt()
    {
        var item = Offer("f2", "Mã khổng lồ");
        Part(item)["Sector"] = new JsonObject { ["TermContentItemIds"] = new JsonArray(new string('a', 40_000)) };
        var ex = await Assert.ThrowsAsync<ContentValidationException>(() => SaveAsync(item, SaveMode.Publish));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("Offer.Sector", error.Key);
        Assert.True(error.Message.Length < 300, error.Message);
    }

    [Fact]
    public async Task SaveAsync_NestedTermAndPickedIds_Accepted()
    {
        var item = Offer("f3", "Thủy lợi");
        Part(item)["Sector"] = new JsonObject { ["TermContentItemIds"] = new JsonArray("sector-giao-thong-thuy") };
        Part(item)["Program"] = new JsonObject { ["ContentItemIds"] = new JsonArray("hg-chuong-trinh-2021-2025") };
        await SaveAsync(item, SaveMode.Publish);
        var page = await InSession(s => s.QueryAsync(new ContentQuery(TermContentItemId: "sector-giao-thong-thuy"), default));
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public async Task SaveAsync_TwoIdsInSinglePicker_Rejected()
    {
        var item = Offer("f4", "Hai chương trình");
        Part(item)["Program"] = new JsonObject { ["ContentItemIds"] = new JsonArray("a", "b") };
        var ex = await Assert.ThrowsAsync<ContentValidationException>(() => SaveAsync(item, SaveMode.Publish));
        Assert.Contains(ex.Errors, e => e.Key == "Offer.Program");
    }

    [Fact]
    public async Task SaveAsync_NumberBeyondDecimalInOrderedSibling_ValidationErrorNamingIt()
    {
        var item = Offer("n1", "Số khổng lồ");
        Part(item)["StartYear"] = JsonNode.Parse("""{"Value":1e400}""");
        Part(item)["EndYear"] = new JsonObject { ["Value"] = 2025 };
        var ex = await Assert.ThrowsAsync<ContentValidationException>(() => SaveAsync(item, SaveMode.Publish));
        Assert.Equal("Offer.StartYear", Assert.Single(ex.Errors).Key);
    }
}
