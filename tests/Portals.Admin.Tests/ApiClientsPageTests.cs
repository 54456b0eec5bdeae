using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Portals.Core.Audit;
using Portals.Testing;

namespace Portals.Admin.Tests;

/// <summary>
/// The API-clients page: a client created with a role shows its secret once, and that secret gets tokens; disable,
/// enable, new secret and revoke act on the tokens at once; each change is audited; bad input is explained.
/// </summary>
public sealed partial class ApiClientsPageTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private const string PublishedItem = "/haugiang/api/content/hg-chuong-trinh-2021-2025";

    [Fact]
    public async Task A_created_client_shows_its_secret_once_and_a_revoked_clients_token_gets_401()
    {
        using var admin = await SignedInAsync();
        using var created = await admin.PostAsync("apiclients?handler=Create",
            [new("Input.ClientId", "cong-doi-tac"), new("Input.DisplayName", "Cổng thông tin đối tác"), new("Input.Roles", "Editor")]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        Assert.Contains("Đã tạo ứng dụng cong-doi-tac", html, StringComparison.Ordinal);
        var secret = Secret(html);
        Assert.Contains("no-store", created.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        using (var list = await admin.GetAsync("apiclients"))
        {
            var again = await list.Content.ReadAsStringAsync();
            Assert.Contains("cong-doi-tac", again, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, again, StringComparison.Ordinal);
        }

        var token = await TokenAsync("cong-doi-tac", secret);
        Assert.Equal(HttpStatusCode.OK, await ReadWithAsync(token));

        using var revoked = await admin.PostAsync("apiclients?handler=Delete", [new("clientId", "cong-doi-tac")], tokenPage: "apiclients");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await ReadWithAsync(token));
        Assert.Null(await TryTokenAsync("cong-doi-tac", secret));
        Assert.Equal(["created; roles: Editor", "deleted"], await AuditDetailsAsync("cong-doi-tac"));
    }

    [Fact]
    public async Task Disable_enable_and_a_new_secret_act_on_tokens_and_are_audited()
    {
        using var admin = await SignedInAsync();
        using var created = await admin.PostAsync("apiclients?handler=Create",
            [new("Input.ClientId", "bao-dien-tu"), new("Input.DisplayName", "Báo điện tử"), new("Input.Roles", "Anonymous")]);
        var secret = Secret(await created.Content.ReadAsStringAsync());
        var token = await TokenAsync("bao-dien-tu", secret);

        (await admin.PostAsync("apiclients?handler=Disable", [new("clientId", "bao-dien-tu")], tokenPage: "apiclients")).Dispose();
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadWithAsync(token));
        using (var page = await admin.GetAsync("apiclients"))
        {
            Assert.Contains("Đã tắt ứng dụng bao-dien-tu.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        (await admin.PostAsync("apiclients?handler=Enable", [new("clientId", "bao-dien-tu")], tokenPage: "apiclients")).Dispose();
        Assert.Equal(HttpStatusCode.OK, await ReadWithAsync(token));

        using var reset = await admin.PostAsync("apiclients?handler=Secret", [new("clientId", "bao-dien-tu")], tokenPage: "apiclients");
        var newSecret = Secret(await reset.Content.ReadAsStringAsync());
        Assert.NotEqual(secret, newSecret);
        Assert.Null(await TryTokenAsync("bao-dien-tu", secret));
        Assert.NotNull(await TryTokenAsync("bao-dien-tu", newSecret));

        Assert.Equal(["created; roles: Anonymous", "disabled", "enabled", "new secret"], await AuditDetailsAsync("bao-dien-tu"));
    }

    [Fact]
    public async Task Bad_input_is_explained_next_to_each_field_and_nothing_is_created()
    {
        using var admin = await SignedInAsync();
        var before = (await AdminTestData.AuditAsync(factory, "haugiang", AuditActions.ApiClientChanged)).Count;
        using var response = await admin.PostAsync("apiclients?handler=Create",
            [new("Input.ClientId", "có dấu"), new("Input.DisplayName", "")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Mã ứng dụng gồm 1–64 ký tự", html, StringComparison.Ordinal);
        Assert.Contains("Nhập tên hiển thị", html, StringComparison.Ordinal);
        Assert.Contains("Chọn ít nhất một vai trò.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"có dấu\"", html, StringComparison.Ordinal);
        Assert.Equal(before, (await AdminTestData.AuditAsync(factory, "haugiang", AuditActions.ApiClientChanged)).Count);

        using var taken = await admin.PostAsync("apiclients?handler=Create",
            [new("Input.ClientId", "portals-cli"), new("Input.DisplayName", "Trùng"), new("Input.Roles", "Editor")]);
        Assert.Contains("Đã có ứng dụng với mã &#x27;portals-cli&#x27;.", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_cannot_open_the_page()
    {
        var editor = await AdminTestData.CreateUserAsync(factory, "cantho", "Editor");
        using var client = new AdminClient(factory, "cantho");
        (await client.SignInAsync(editor, AdminTestData.Password)).Dispose();

        using var response = await client.GetAsync("apiclients");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/admin/denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    private async Task<AdminClient> SignedInAsync()
    {
        var client = new AdminClient(factory, "haugiang");
        await client.SignInAsAdminAsync();
        return client;
    }

    private static string Secret(string html)
    {
        var match = SecretField().Match(html);
        Assert.True(match.Success, "The page shows no secret.");
        return match.Groups[1].Value;
    }

    private async Task<string> TokenAsync(string clientId, string secret) =>
        await TryTokenAsync(clientId, secret) ?? throw new InvalidOperationException($"No token for {clientId}.");

    private async Task<string?> TryTokenAsync(string clientId, string secret)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/haugiang/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString();
    }

    private async Task<HttpStatusCode> ReadWithAsync(string token)
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync(PublishedItem);
        return response.StatusCode;
    }

    private async Task<IReadOnlyList<string?>> AuditDetailsAsync(string clientId) =>
        (await AdminTestData.AuditAsync(factory, "haugiang", AuditActions.ApiClientChanged))
            .Where(a => a.Subject == "apiclient:" + clientId)
            .Select(a => { Assert.Equal("admin", a.UserName); return a.Detail; })
            .ToList();

    [GeneratedRegex("id=\"api-secret\" value=\"([^\"]+)\"")]
    private static partial Regex SecretField();
}
