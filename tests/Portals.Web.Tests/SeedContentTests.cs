using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Testing;

namespace Portals.Web.Tests;

/// <summary>Both tenants come up holding the real seed: the programme, its key projects, the signing news and the sectors.</summary>
public sealed class SeedContentTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private static readonly string[] MissionTypes =
        ["CooperationProgram", "SectorAgreement", "KeyProject", "ProgressReport", "InvestmentCall", "InvestmentEvent", "NewsArticle"];

    private async Task<T> Read<T>(string tenant, Func<IContentSession, Task<T>> read)
    {
        await using var session = await factory.Service<IContentStore>().OpenAsync(factory.Tenant(tenant), default);
        return await read(session);
    }

    [Theory]
    [InlineData("haugiang", "hg")]
    [InlineData("cantho", "ct")]
    public async Task Setup_Recipe_SeedsProgrammeProjectsAndNews(string tenant, string prefix)
    {
        var program = await Read(tenant, s => s.GetAsync($"{prefix}-chuong-trinh-2021-2025", VersionOptions.Published, default));
        Assert.NotNull(program);
        Assert.Equal("CooperationProgram", program.ContentType);
        Assert.Equal(2021, program.Part("CooperationProgram")!["StartYear"]!["Value"]!.GetValue<int>());
        Assert.Equal(2025, program.Part("CooperationProgram")!["EndYear"]!["Value"]!.GetValue<int>());

        var road = await Read(tenant, s => s.GetAsync($"{prefix}-du-an-ql61c", VersionOptions.Published, default));
        Assert.Contains("61C", road!.DisplayText, StringComparison.Ordinal);
        Assert.Contains("sector-giao-thong", road.Part("KeyProject")!["Sector"]!["TermContentItemIds"]!.AsArray().Select(t => t!.GetValue<string>()));
        var canal = await Read(tenant, s => s.GetAsync($"{prefix}-du-an-kenh-xa-no", VersionOptions.Published, default));
        Assert.Contains("Xà No", canal!.DisplayText, StringComparison.Ordinal);
        Assert.Equal("cai-tao-khai-thong-tuyen-duong-thuy-kenh-xang-xa-no", canal.Path);

        var news = await Read(tenant, s => s.QueryAsync(new ContentQuery(ContentType: "NewsArticle"), default));
        Assert.True(news.Total >= 1);
    }

    [Theory]
    [InlineData("haugiang")]
    [InlineData("cantho")]
    public async Task Setup_Recipe_DefinesMissionTypesWithRequiredNames(string tenant)
    {
        var definitions = await Read(tenant, s => s.GetDefinitionsAsync(default));
        foreach (var name in MissionTypes)
        {
            var type = definitions.FindType(name);
            Assert.NotNull(type);
            Assert.True(type.HasPart("TitlePart") && type.HasPart("AutoroutePart") && type.HasPart("HtmlBodyPart"), name);
            var own = definitions.FindPart(name)!;
            Assert.Equal("TextField", own.Fields.Single(f => f.Name == "Summary").FieldName);
            Assert.Equal("TaxonomyField", own.Fields.Single(f => f.Name == "Sector").FieldName);
            Assert.NotEqual(name, type.DisplayName);
        }
        Assert.Equal("DateField", definitions.FindPart("InvestmentCall")!.Fields.Single(f => f.Name == "Deadline").FieldName);
    }

    [Fact]
    public async Task Setup_SectorTaxonomy_IdenticalInBothTenants()
    {
        var terms = new List<string>();
        foreach (var tenant in new[] { "haugiang", "cantho" })
        {
            var taxonomy = await Read(tenant, s => s.GetAsync("sector-taxonomy", VersionOptions.Published, default));
            var list = taxonomy!.Part("TaxonomyPart")!["Terms"]!.AsArray()
                .Select(t => $"{t!["ContentItemId"]}={t["DisplayText"]}").ToList();
            Assert.Equal(11, list.Count);
            terms.Add(string.Join('|', list));
        }
        Assert.Equal(terms[0], terms[1]);
        Assert.Contains("sector-giao-thong=", terms[0], StringComparison.Ordinal);
        Assert.Contains("sector-ocop=", terms[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_AdminUser_CanSignInWithConfiguredPassword()
    {
        var users = factory.Service<Portals.Core.Security.UserAccounts>();
        var roles = await users.VerifyAsync(factory.Tenant("cantho"), "admin", PortalsFactory.AdminPassword, default);
        Assert.Equal(["Administrator"], roles);
        Assert.Null(await users.VerifyAsync(factory.Tenant("cantho"), "admin", "wrong", default));
    }

    [Fact]
    public async Task Setup_SeededItems_AreValidJsonWithOrchardMetadataOrder()
    {
        var json = await Read("haugiang", s => s.GetJsonAsync("hg-du-an-ql61c", VersionOptions.Published, default));
        var keys = JsonNode.Parse(json!)!.AsObject().Select(p => p.Key).Take(ContentItem.MetadataNames.Count);
        Assert.Equal(ContentItem.MetadataNames, keys);
    }
}
