using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Definitions;

namespace Portals.Core.Tests.Contracts;

/// <summary>What every implementation of <see cref="IContentDefinitionStore"/> and <see cref="IDocumentStore"/> must do.</summary>
public abstract class DefinitionAndDocumentContract<THarness> : StoreContract<THarness> where THarness : StoreHarness, new()
{
    [Fact]
    public async Task GetDefinitionsAsync_NewSession_ReadsWhatWasSaved()
    {
        var definitions = await InSession(s => s.GetDefinitionsAsync(default));
        Assert.Equal(["Offer", "Taxonomy"], definitions.Types.Keys);
        Assert.Equal(12, definitions.FindPart("Offer")!.Fields.Length);
        Assert.Empty((await InSession(TenantB, async s =>
        {
            await s.SaveDefinitionsAsync(ContentDefinitionSet.Empty, default);
            return await s.GetDefinitionsAsync(default);
        })).Types);
        Assert.Equal(2, (await InSession(s => s.GetDefinitionsAsync(default))).Types.Count);
    }

    [Fact]
    public async Task SaveDefinitionsAsync_NotCommitted_RolledBack()
    {
        await using (var session = await Store.OpenAsync(TenantA, default))
        {
            await session.SaveDefinitionsAsync(ContentDefinitionSet.Empty, default);
        }
        Assert.Equal(2, (await InSession(s => s.GetDefinitionsAsync(default))).Types.Count);
    }

    [Fact]
    public async Task SaveDocumentAsync_SaveReplaceAndOtherTenant_EachSeesItsOwn()
    {
        Assert.Null(await InSession(s => s.GetDocumentAsync("Site", default)));
        await InSession(async s =>
        {
            await s.SaveDocumentAsync("Site", new JsonObject { ["SiteName"] = "Hậu Giang" }, default);
            return 0;
        });
        await InSession(async s =>
        {
            await s.SaveDocumentAsync("Site", new JsonObject { ["SiteName"] = "Hậu Giang mới" }, default);
            return 0;
        });
        Assert.Equal("Hậu Giang mới", (await InSession(s => s.GetDocumentAsync("Site", default)))!["SiteName"]!.GetValue<string>());
        Assert.Null(await InSession(TenantB, s => s.GetDocumentAsync("Site", default)));
    }

    [Fact]
    public async Task SaveDocumentAsync_NotCommitted_RolledBack()
    {
        await using (var session = await Store.OpenAsync(TenantA, default))
        {
            await session.SaveDocumentAsync("Roles", new JsonArray(), default);
            Assert.NotNull(await session.GetDocumentAsync("Roles", default));
        }
        Assert.Null(await InSession(s => s.GetDocumentAsync("Roles", default)));
    }
}

public sealed class SqliteDefinitionAndDocumentTests : DefinitionAndDocumentContract<SqliteHarness>;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlDefinitionAndDocumentTests : DefinitionAndDocumentContract<PostgreSqlHarness>;
