using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Portals.Themes.Tests;

/// <summary>A tenant whose Theme setting names no installed theme stops the start-up with a clear message.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public void UnknownTheme_FailsStartup_NamingTenantThemeAndInstalledThemes()
    {
        var data = Path.Combine(Path.GetTempPath(), "portals-tests", Guid.NewGuid().ToString("n"));
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Portals:DataPath", data);
            b.UseSetting("Portals:Tenants:cantho:Theme", "Portals.Theme.VinhLong");
        });
        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);
        Assert.Contains("Tenant 'cantho' has Theme 'Portals.Theme.VinhLong', which is not installed", error.Message, StringComparison.Ordinal);
        Assert.Contains("Portals.Theme.HauGiang", error.Message, StringComparison.Ordinal);
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Start-up failed before anything was written: nothing to clean.
        }
    }
}
