using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portals.Core.Audit;
using Portals.Testing;

namespace Portals.Admin.Tests;

/// <summary>The clock can be moved forward, to see a lockout end without waiting for it.</summary>
public sealed class ShiftedClockPortals : PortalsFactory
{
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>Five failed sign-ins in a row lock an account for 15 minutes, even against the right password; all audited.</summary>
public sealed class LockoutTests(ShiftedClockPortals factory) : IClassFixture<ShiftedClockPortals>
{
    [Fact]
    public async Task Five_failures_in_a_row_lock_the_account_for_fifteen_minutes()
    {
        var name = await AdminTestData.CreateUserAsync(factory, "haugiang", "Editor");
        using var client = new AdminClient(factory, "haugiang");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var page = await FailAsync(client, name, "sai-mat-khau");
            Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", page, StringComparison.Ordinal);
        }
        Assert.Contains("Tài khoản tạm khoá 15 phút", await FailAsync(client, name, "sai-mat-khau"), StringComparison.Ordinal);
        Assert.Contains("Tài khoản tạm khoá 15 phút", await FailAsync(client, name, AdminTestData.Password), StringComparison.Ordinal);
        Assert.Null(client.SessionCookie());

        var audit = (await AdminTestData.AuditAsync(factory, "haugiang")).Where(a => a.UserName == name).ToList();
        Assert.Equal(
            [.. Enumerable.Repeat(AuditActions.SignInFailed, 5), AuditActions.LockedOut, AuditActions.SignInFailed],
            audit.Select(a => a.Action));
        Assert.Equal("locked", audit[^1].Detail);
        Assert.All(audit, a => Assert.Equal("user:" + name, a.Subject));

        var lockedUntil = (await AdminTestData.UserAsync(factory, "haugiang", name))!.LockoutEndUtc!.Value;
        var lockedAt = audit.Single(a => a.Action == AuditActions.LockedOut).CreatedUtc;
        Assert.Equal(TimeSpan.FromMinutes(15), lockedUntil - lockedAt);

        factory.Clock.Offset += TimeSpan.FromMinutes(16);
        using var after = await client.SignInAsync(name, AdminTestData.Password);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(0, (await AdminTestData.UserAsync(factory, "haugiang", name))!.AccessFailedCount);
    }

    [Fact]
    public async Task A_successful_sign_in_resets_the_count_of_failures()
    {
        var name = await AdminTestData.CreateUserAsync(factory, "haugiang", "Editor");
        using var client = new AdminClient(factory, "haugiang");
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await FailAsync(client, name, "sai-mat-khau");
        }
        using (var success = await client.SignInAsync(name, AdminTestData.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, success.StatusCode);
        }

        using var other = new AdminClient(factory, "haugiang");
        for (var attempt = 0; attempt < 4; attempt++)
        {
            Assert.DoesNotContain("tạm khoá", await FailAsync(other, name, "sai-mat-khau"), StringComparison.Ordinal);
        }
        Assert.Null((await AdminTestData.UserAsync(factory, "haugiang", name))!.LockoutEndUtc);
    }

    [Fact]
    public async Task Unknown_users_get_the_same_message_and_are_audited_by_the_name_typed()
    {
        using var client = new AdminClient(factory, "cantho");
        var page = await FailAsync(client, "khong-ton-tai", "bat-ky-123");
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", page, StringComparison.Ordinal);
        var entry = Assert.Single(await AdminTestData.AuditAsync(factory, "cantho", AuditActions.SignInFailed), a => a.UserName == "khong-ton-tai");
        Assert.Equal("unknown user", entry.Detail);
    }

    private static async Task<string> FailAsync(AdminClient client, string name, string password)
    {
        using var response = await client.SignInAsync(name, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
