using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Security;
using Portals.Testing;

namespace Portals.Web.Tests.Http;

/// <summary>A client's status is read back from its tenant within one second here (the default is 30 s, at most 60).</summary>
public sealed class ApiClientsFactory : PortalsFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Portals:Api:ClientStatusCacheSeconds", "1")];
}

/// <summary>Issue 7, defects 4 and 5: a disabled or deleted client's token stops working; secrets are hashed with a keyed hash.</summary>
public sealed class ApiClientTests(ApiClientsFactory factory) : IClassFixture<ApiClientsFactory>
{
    private readonly ApiTestKit _kit = new(factory);
    private ApiClients Clients => factory.Service<ApiClients>();

    [Fact]
    public async Task DisabledClient_TokenGets401_AndNoNewToken_UntilEnabledAgain()
    {
        var tenant = factory.Tenant("haugiang");
        var created = await Clients.CreateAsync(tenant, "doi-tac-tat", "Đối tác (sẽ bị tắt)", ["Editor"], default);
        using var client = await ClientWithTokenAsync("haugiang", created.Client.ClientId, created.Secret);
        Assert.Equal(HttpStatusCode.OK, (await UpsertAsync(client, "hg-client-disabled")).StatusCode);

        Assert.True(await Clients.SetEnabledAsync(tenant, created.Client.ClientId, false, default));

        using var upsert = await UpsertAsync(client, "hg-client-disabled");
        await ApiTestKit.ReadProblemAsync(upsert, HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", upsert.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        using var delete = await client.DeleteAsync("haugiang/api/content/hg-client-disabled");
        await ApiTestKit.ReadProblemAsync(delete, HttpStatusCode.Unauthorized);
        using var token = await RequestTokenAsync("haugiang", created.Client.ClientId, created.Secret);
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);

        Assert.True(await Clients.SetEnabledAsync(tenant, created.Client.ClientId, true, default));
        Assert.Equal(HttpStatusCode.OK, (await UpsertAsync(client, "hg-client-disabled")).StatusCode);
    }

    [Fact]
    public async Task DeletedClient_TokenGets401_AtOnce()
    {
        var tenant = factory.Tenant("haugiang");
        var created = await Clients.CreateAsync(tenant, "doi-tac-xoa", "Đối tác (sẽ bị xóa)", ["Editor"], default);
        using var client = await ClientWithTokenAsync("haugiang", created.Client.ClientId, created.Secret);
        Assert.Equal(HttpStatusCode.OK, (await UpsertAsync(client, "hg-client-deleted")).StatusCode);

        Assert.True(await Clients.DeleteAsync(tenant, created.Client.ClientId, default));

        using var delete = await client.DeleteAsync("haugiang/api/content/hg-client-deleted");
        await ApiTestKit.ReadProblemAsync(delete, HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(await Clients.ListAsync(tenant, default), c => c.ClientId == created.Client.ClientId);
    }

    [Fact]
    public async Task RowDeletedByAnotherProcess_TokenGets401_WithinTheCacheLifetime()
    {
        var tenant = factory.Tenant("cantho");
        var created = await Clients.CreateAsync(tenant, "doi-tac-ngoai", "Đối tác (xóa từ tiến trình khác)", ["Editor"], default);
        using var client = await ClientWithTokenAsync("cantho", created.Client.ClientId, created.Secret);
        Assert.Equal(HttpStatusCode.OK, (await UpsertAsync(client, "ct-client-row-deleted", "cantho")).StatusCode);

        // As the CLI or a second node would: straight in the database, so this process's cache is not told.
        await using (var db = factory.Service<TenantDatabase>().Open(tenant))
        {
            Assert.Equal(1, await db.Set<ApiClientRecord>().Where(c => c.ClientId == created.Client.ClientId).ExecuteDeleteAsync());
        }

        var status = HttpStatusCode.OK;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); status != HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            using var response = await UpsertAsync(client, "ct-client-row-deleted", "cantho");
            status = response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Create_ReturnsSecretOnce_StoresOnlyAKeyedHash_ListShowsNoSecret()
    {
        var tenant = factory.Tenant("haugiang");
        var created = await Clients.CreateAsync(tenant, "doi-tac-moi", "Cổng đối tác", ["Author"], default);
        Assert.True(created.Secret.Length >= 43, "256 random bits, base64url");
        Assert.Equal(["Author"], created.Client.Roles);
        Assert.True(created.Client.Enabled);

        var hash = await StoredHashAsync(tenant, "doi-tac-moi");
        Assert.StartsWith("hmac-sha256:", hash, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret, hash, StringComparison.Ordinal);
        var listed = Assert.Single(await Clients.ListAsync(tenant, default), c => c.ClientId == "doi-tac-moi");
        Assert.DoesNotContain(created.Secret, JsonSerializer.Serialize(listed), StringComparison.Ordinal);

        using var token = await RequestTokenAsync("haugiang", "doi-tac-moi", created.Secret);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var reset = await Clients.ResetSecretAsync(tenant, "doi-tac-moi", default);
        using var oldSecret = await RequestTokenAsync("haugiang", "doi-tac-moi", created.Secret);
        Assert.Equal(HttpStatusCode.Unauthorized, oldSecret.StatusCode);
        using var newSecret = await RequestTokenAsync("haugiang", "doi-tac-moi", reset!);
        Assert.Equal(HttpStatusCode.OK, newSecret.StatusCode);
    }

    [Theory]
    [InlineData("id có dấu", "Tên", "Editor", "ClientId")]
    [InlineData("portals-cli", "Trùng mã", "Editor", "ClientId")]
    [InlineData("doi-tac-x", "", "Editor", "DisplayName")]
    [InlineData("doi-tac-x", "Tên", "KhongCoVaiTro", "Roles")]
    public async Task Create_InvalidInput_ThrowsValidationNamingTheField(string clientId, string displayName, string role, string field)
    {
        var error = await Assert.ThrowsAsync<ContentValidationException>(() =>
            Clients.CreateAsync(factory.Tenant("haugiang"), clientId, displayName, [role], default));
        Assert.Contains(error.Errors, e => e.Key == field);
    }

    [Fact]
    public async Task LegacyPbkdf2Secret_StillWorks_AndIsRehashedOnFirstSuccess()
    {
        var tenant = factory.Tenant("cantho");
        const string secret = "bi-mat-cu-tu-truoc-2025";
        await Clients.CreateWithSecretAsync(tenant, "may-khach-cu", secret, ["Author"], default);
        await using (var db = factory.Service<TenantDatabase>().Open(tenant))
        {
            var legacy = new PasswordHasher<object>().HashPassword(new object(), secret);
            await db.Set<ApiClientRecord>().Where(c => c.ClientId == "may-khach-cu")
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.SecretHash, legacy));
        }
        using var wrong = await RequestTokenAsync("cantho", "may-khach-cu", "sai");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.DoesNotContain("hmac-sha256:", await StoredHashAsync(tenant, "may-khach-cu"), StringComparison.Ordinal);

        using var right = await RequestTokenAsync("cantho", "may-khach-cu", secret);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.StartsWith("hmac-sha256:", await StoredHashAsync(tenant, "may-khach-cu"), StringComparison.Ordinal);
        using var again = await RequestTokenAsync("cantho", "may-khach-cu", secret);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private async Task<string> StoredHashAsync(Portals.Core.Tenants.TenantContext tenant, string clientId)
    {
        await using var db = factory.Service<TenantDatabase>().Open(tenant);
        return await db.Set<ApiClientRecord>().Where(c => c.ClientId == clientId).Select(c => c.SecretHash).SingleAsync();
    }

    private async Task<HttpClient> ClientWithTokenAsync(string tenant, string clientId, string secret)
    {
        using var response = await RequestTokenAsync(tenant, clientId, secret);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var client = _kit.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString());
        return client;
    }

    private Task<HttpResponseMessage> RequestTokenAsync(string tenant, string clientId, string secret) =>
        _kit.Client().PostAsync($"{tenant}/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));

    private static Task<HttpResponseMessage> UpsertAsync(HttpClient client, string id, string tenant = "haugiang") =>
        client.PostAsync($"{tenant}/api/content", ApiTestKit.Json(ApiTestKit.InvestmentCall(id)));
}
