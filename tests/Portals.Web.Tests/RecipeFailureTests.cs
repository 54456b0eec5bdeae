using Portals.Core.Data;
using Portals.Core.Recipes;
using Portals.Testing;

namespace Portals.Web.Tests;

/// <summary>A bad recipe is rejected with an error naming step, item and field, and leaves the tenant exactly as it was.</summary>
public sealed class RecipeFailureTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private const string ValidNews = """
        { "ContentItemId": "tin-moi", "ContentType": "NewsArticle", "TitlePart": { "Title": "Tin mới" },
          "NewsArticle": { "Summary": { "Text": "Tóm tắt" } } }
        """;

    private async Task<RecipeException> ApplyFailing(string tenantName, string json)
    {
        var tenant = factory.Tenant(tenantName);
        var database = factory.Service<TenantDatabase>();
        var before = await TenantSnapshot.TakeAsync(database, tenant);
        var other = await TenantSnapshot.TakeAsync(database, factory.Tenant(tenantName == "cantho" ? "haugiang" : "cantho"));
        var ex = await Assert.ThrowsAsync<RecipeException>(() =>
            factory.Service<RecipeExecutor>().ApplyAsync(tenant, Recipe.Parse(json, "test.recipe.json"), default));
        Assert.Equal(before, await TenantSnapshot.TakeAsync(database, tenant));
        Assert.Equal(other, await TenantSnapshot.TakeAsync(database, factory.Tenant(tenantName == "cantho" ? "haugiang" : "cantho")));
        return ex;
    }

    [Fact]
    public async Task Apply_LateStepFails_TenantExactlyAsBefore()
    {
        var ex = await ApplyFailing("cantho", $$"""
            { "name": "late-failure", "steps": [
              { "name": "settings", "SiteName": "Đã bị đổi" },
              { "name": "content", "data": [ {{ValidNews}} ] },
              { "name": "Roles", "Roles": [ { "Name": "Phóng viên", "Permissions": [ "ViewContent" ] } ] },
              { "name": "content", "data": [
                  { "ContentItemId": "hg-du-an-sai", "ContentType": "InvestmentCall", "TitlePart": { "Title": "Thiếu địa điểm" },
                    "InvestmentCall": { "Status": { "Text": "dang-keu-goi" }, "Sector": { "TermContentItemIds": [ "sector-giao-thong" ] } } } ] }
            ] }
            """);
        Assert.Equal(4, ex.StepIndex);
        Assert.Equal("content", ex.StepName);
        Assert.Equal("hg-du-an-sai", ex.ItemId);
        Assert.Equal("InvestmentCall.Location", ex.Field);
    }

    [Fact]
    public async Task Apply_WrongFieldType_ErrorNamesStepItemField()
    {
        var ex = await ApplyFailing("haugiang", """
            { "steps": [ { "name": "content", "data": [
              { "ContentItemId": "sai-kieu", "ContentType": "KeyProject", "TitlePart": { "Title": "Dự án" },
                "KeyProject": { "Status": { "Text": "de-xuat" }, "Program": { "ContentItemIds": "hg-chuong-trinh-2021-2025" } } } ] } ] }
            """);
        Assert.Equal(1, ex.StepIndex);
        Assert.Equal("sai-kieu", ex.ItemId);
        Assert.Equal("KeyProject.Program", ex.Field);
    }

    [Fact]
    public async Task Apply_UnknownContentType_Rejected()
    {
        var ex = await ApplyFailing("haugiang", """
            { "steps": [ { "name": "content", "data": [ { "ContentItemId": "x1", "ContentType": "Spaceship", "TitlePart": { "Title": "X" } } ] } ] }
            """);
        Assert.Equal("x1", ex.ItemId);
        Assert.Contains("Spaceship", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "steps": [ { "name": "teleport" } ] }""", 1)]
    [InlineData("""{ "steps": [ { "name": "feature", "enable": [ "Portals.Nothing" ] } ] }""", 1)]
    [InlineData("""{ "steps": [ { "name": "settings", "A": 1 }, { "name": "content", "data": [ 42 ] } ] }""", 2)]
    [InlineData("""{ "steps": [ { "name": "content", "data": [ { "ContentType": "NewsArticle", "TitlePart": { "Title": "Không mã" } } ] } ] }""", 1)]
    [InlineData("""{ "steps": [ { "name": "ContentDefinition", "ContentTypes": [ { "DisplayName": "Không tên" } ] } ] }""", 1)]
    [InlineData("""{ "steps": [ { "name": "Roles", "Roles": { "Name": "x" } } ] }""", 1)]
    [InlineData("""{ "steps": [ { "name": "recipes", "Values": [ { "name": "does-not-exist" } ] } ] }""", 1)]
    public async Task Apply_MalformedStep_ErrorNamesStep(string json, int step) =>
        Assert.Equal(step, (await ApplyFailing("haugiang", json)).StepIndex);

    [Fact]
    public void Parse_BrokenJson_ErrorNamesPosition()
    {
        var ex = Assert.Throws<RecipeException>(() => Recipe.Parse("{ \"steps\": [ { \"name\": \"content\", ] }", "broken.recipe.json"));
        Assert.Contains("broken.recipe.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("dòng 1", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Nothing records which features a tenant enabled, so a disable would silently do nothing: refused instead.</summary>
    [Fact]
    public async Task Apply_FeatureDisable_RefusedNamingFeature()
    {
        var ex = await ApplyFailing("haugiang", """{ "name": "tat", "steps": [ { "name": "feature", "enable": [], "disable": [ "Portals.News" ] } ] }""");
        Assert.Equal("feature", ex.StepName);
        Assert.Contains("Portals.News", ex.Detail, StringComparison.Ordinal);
    }

    /// <summary>A recipe may schedule (recipes run with the administrator's rights); the schedule is kept, not published at once.</summary>
    [Fact]
    public async Task Apply_ScheduledItem_ScheduledNotPublished()
    {
        var tenant = factory.Tenant("haugiang");
        var at = DateTime.UtcNow.AddDays(1).ToString("O");
        var recipe = Recipe.Parse($$"""
            { "name": "hen-gio", "steps": [ { "name": "content", "data": [
              { "ContentItemId": "tin-hen-gio", "ContentType": "NewsArticle", "Published": true, "TitlePart": { "Title": "Tin hẹn giờ" },
                "NewsArticle": { "Summary": { "Text": "Tóm tắt" } }, "PublishLaterPart": { "ScheduledPublishUtc": "{{at}}" } } ] } ] }
            """, "hen-gio.recipe.json");
        await factory.Service<RecipeExecutor>().ApplyAsync(tenant, recipe, default);
        await using var session = await factory.Service<Portals.Core.Content.IContentStore>().OpenAsync(tenant, default);
        Assert.Null(await session.GetJsonAsync("tin-hen-gio", Portals.Core.Content.VersionOptions.Published, default));
        Assert.Equal(1, await session.PublishDueAsync(DateTime.UtcNow.AddDays(2), default));
    }
}
