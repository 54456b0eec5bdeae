using System.Text.Json.Nodes;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests.Contract;

/// <summary>
/// Issue 12: the documents lint clean with Redocly's recommended ruleset (<c>Contract/redocly.yaml</c> switches nothing
/// off), installed from npm by <c>npm ci</c> from the committed lockfile: 0 errors and 0 warnings.
/// </summary>
public sealed class RedoclyLintTests(PortalsFactory factory) : IClassFixture<PortalsFactory>
{
    private static readonly SemaphoreSlim Install = new(1, 1);
    private readonly ApiTestKit _kit = new(factory);

    [Theory]
    [InlineData("openapi/v1.json")]
    [InlineData("haugiang/openapi/v1.json")]
    [InlineData("cantho/openapi/v1.json")]
    public async Task Document_LintsWithoutErrorsOrWarnings(string url)
    {
        await EnsureRedoclyAsync();
        var file = Path.Combine(Path.GetTempPath(), $"portals-openapi-{Guid.NewGuid():n}.json");
        // The servers entry is the request's own address; Redocly warns about localhost, so ask as a deployed host would.
        using (var client = _kit.Client("api.portals.test"))
        {
            await File.WriteAllTextAsync(file, await client.GetStringAsync(url));
        }
        try
        {
            var lint = await ContractTools.RunAsync("node",
                [Path.Combine("node_modules", "@redocly", "cli", "bin", "cli.js"), "lint", "--config", "redocly.yaml", "--format", "json", file],
                ContractTools.Directory, TimeSpan.FromMinutes(3));
            var start = lint.StandardOutput.IndexOf('{', StringComparison.Ordinal);
            Assert.True(start >= 0, $"no report from redocly (exit {lint.ExitCode}):\n{lint.Output}");
            var report = JsonNode.Parse(lint.StandardOutput[start..])!;
            var problems = string.Join("\n", report["problems"]!.AsArray().Select(p =>
                $"  {p!["severity"]} {p["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}"));
            Assert.True(report["totals"]!["errors"]!.GetValue<int>() == 0 && report["totals"]!["warnings"]!.GetValue<int>() == 0,
                $"{url}: {report["totals"]!.ToJsonString()}\n{problems}");
            Assert.Equal(0, lint.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary><c>npm ci</c> from the committed lockfile when the package is missing (CI starts from a clean clone).</summary>
    private static async Task EnsureRedoclyAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(ContractTools.Directory, "node_modules", "@redocly", "cli", "bin", "cli.js")))
            {
                return;
            }
            var install = await ContractTools.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], ContractTools.Directory, TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"npm ci failed:\n{install.Output}");
        }
        finally
        {
            Install.Release();
        }
    }
}
