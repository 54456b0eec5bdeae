using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Recipes;
using Portals.Testing;

namespace Portals.Web.Tests;

/// <summary>Items stored before HTML was sanitized on write leave sanitized: in every export, and from their next save on.</summary>
public sealed class LegacyContentTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private const string Hostile = "<p>Ký kết</p><script>alert(1)</script><img src=x onerror=alert(2)>";

    [Fact]
    public async Task Export_ItemStoredWithScript_ExportedSanitized()
    {
        await StoreRawHtmlAsync("hg-tin-ky-ket-2021-2025");
        var exported = await factory.Service<RecipeExporter>().ExportAsync(factory.Tenant("haugiang"), default);
        var item = exported["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "content")!["data"]!.AsArray()
            .Single(i => i!["ContentItemId"]!.GetValue<string>() == "hg-tin-ky-ket-2021-2025")!;
        Assert.Equal("<p>Ký kết</p><img src=\"x\">", item["HtmlBodyPart"]!["Html"]!.GetValue<string>());
    }

    [Fact]
    public async Task Save_ItemStoredWithScript_SanitizedOnNextSave()
    {
        await StoreRawHtmlAsync("hg-chuong-trinh-2021-2025");
        await using var session = await factory.Service<IContentStore>().OpenAsync(factory.Tenant("haugiang"), default);
        var item = (await session.GetAsync("hg-chuong-trinh-2021-2025", VersionOptions.Latest, default))!;
        Assert.Contains("<script>", item.Part("HtmlBodyPart")!["Html"]!.GetValue<string>(), StringComparison.Ordinal);
        item.Part("CooperationProgram")!["Summary"] = new JsonObject { ["Text"] = "Tóm tắt mới." };
        await session.SaveAsync(item, SaveMode.Publish, default);
        await session.CommitAsync(default);

        var saved = await session.GetAsync("hg-chuong-trinh-2021-2025", VersionOptions.Published, default);
        Assert.Equal("<p>Ký kết</p><img src=\"x\">", saved!.Part("HtmlBodyPart")!["Html"]!.GetValue<string>());
    }

    /// <summary>Writes the HTML straight into the row, as the store did before it sanitized.</summary>
    private async Task StoreRawHtmlAsync(string id)
    {
        await using var db = factory.Service<TenantDatabase>().Open(factory.Tenant("haugiang"));
        var row = await db.ContentItems.AsTracking().SingleAsync(r => r.ContentItemId == id && r.Latest);
        var item = ContentItem.Parse(row.Json);
        item.GetOrCreatePart("HtmlBodyPart")["Html"] = Hostile;
        row.Json = item.ToJsonString();
        await db.SaveChangesAsync();
    }
}
