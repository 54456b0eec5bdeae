using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Audit;
using Portals.Core.Data;
using Portals.Testing;

namespace Portals.Admin.Tests;

/// <summary>Requests arrive from a known address (the in-memory test server has none).</summary>
public sealed class AddressedPortals : PortalsFactory
{
    public static readonly IPAddress Address = IPAddress.Parse("203.0.113.7");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, FixedAddress>());
    }

    private sealed class FixedAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = Address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Sign-in events are recorded with who and from where; administrators filter the log; nobody can change it.</summary>
public sealed class AuditLogTests(AddressedPortals factory) : IClassFixture<AddressedPortals>
{
    [Fact]
    public async Task Sign_in_sign_out_failures_and_password_changes_are_recorded_with_user_and_address()
    {
        var name = await AdminTestData.CreateUserAsync(factory, "cantho", "Editor");
        using var client = new AdminClient(factory, "cantho");
        (await client.SignInAsync(name, "sai-mat-khau")).Dispose();
        (await client.SignInAsync(name, AdminTestData.Password)).Dispose();
        (await client.PostAsync("password", [new("Input.Current", AdminTestData.Password), new("Input.New", "Mat-khau-moi-2026"), new("Input.Confirm", "Mat-khau-moi-2026")])).Dispose();
        (await client.PostAsync("logout", [], tokenPage: "")).Dispose();

        var audit = (await AdminTestData.AuditAsync(factory, "cantho")).Where(a => a.UserName == name).ToList();
        Assert.Equal([AuditActions.SignInFailed, AuditActions.SignIn, AuditActions.PasswordChanged, AuditActions.SignOut], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(AddressedPortals.Address.ToString(), a.IpAddress));
        Assert.All(audit, a => Assert.InRange(a.CreatedUtc, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1)));
        Assert.DoesNotContain(await AdminTestData.AuditAsync(factory, "haugiang"), a => a.UserName == name);
    }

    [Fact]
    public async Task Administrators_filter_the_log_by_user_action_and_date()
    {
        var name = await AdminTestData.CreateUserAsync(factory, "haugiang", "Editor");
        using (var user = new AdminClient(factory, "haugiang"))
        {
            (await user.SignInAsync(name, "sai-mat-khau")).Dispose();
            (await user.SignInAsync(name, AdminTestData.Password)).Dispose();
        }
        using var admin = new AdminClient(factory, "haugiang");
        await admin.SignInAsAdminAsync();

        var today = DateTime.UtcNow.AddHours(7).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var byUser = await RowsAsync(admin, $"audit?user={name}&from={today}&to={today}");
        Assert.Equal(["SignIn", "SignInFailed"], byUser);
        var byAction = await RowsAsync(admin, $"audit?user={name}&event=SignInFailed");
        Assert.Equal(["SignInFailed"], byAction);
        Assert.Empty(await RowsAsync(admin, $"audit?user={name}&to=01/01/2020"));

        using var invalid = await admin.GetAsync($"audit?user={name}&from=2025-13-45");
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Ngày &#x27;2025-13-45&#x27; không hợp lệ", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2025-13-45\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_table_refuses_updates_and_deletes()
    {
        using (var client = new AdminClient(factory, "haugiang"))
        {
            await client.SignInAsAdminAsync();
        }
        await using var db = factory.Service<TenantDatabase>().Open(factory.Tenant("haugiang"));
        Assert.NotEmpty(await db.Set<AuditRecord>().ToListAsync());
        var update = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditLog\" SET \"UserName\" = 'someone-else'"));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditLog\""));
        Assert.DoesNotContain(await db.Set<AuditRecord>().ToListAsync(), a => a.UserName == "someone-else");
    }

    [Fact]
    public void The_audit_page_has_no_way_to_write()
    {
        var model = typeof(AdminPageModel).Assembly.GetType("Portals.Admin.Areas.Admin.Pages.Audit.IndexModel")!;
        Assert.NotNull(model.GetMethod("OnGetAsync"));
        Assert.DoesNotContain(model.GetMethods(), m => m.Name.StartsWith("OnPost", StringComparison.Ordinal)
            || m.Name.StartsWith("OnPut", StringComparison.Ordinal) || m.Name.StartsWith("OnDelete", StringComparison.Ordinal));
    }

    private static async Task<List<string>> RowsAsync(AdminClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return System.Text.RegularExpressions.Regex.Matches(html, "data-action=\"([A-Za-z]+)\"").Select(m => m.Groups[1].Value).ToList();
    }
}
