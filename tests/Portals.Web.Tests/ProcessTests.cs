using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Portals.Testing;

namespace Portals.Web.Tests;

/// <summary>The host as a new user runs it: a real process, real files, real kills.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "portals-process-tests", Guid.NewGuid().ToString("n"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task Run_FreshDataFolder_BothTenantsHealthyAndSeeded()
    {
        var port = PortalsProcess.FreePort();
        using var host = PortalsProcess.Start(_data, "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Assert.True(await PortalsProcess.WaitHealthyAsync(http, TimeSpan.FromMinutes(3), "haugiang", "cantho"), host.Output);
        host.Kill();
        Assert.Equal(4, Count("haugiang", "SELECT COUNT(*) FROM ContentItems WHERE Published AND ContentItemId LIKE 'hg-%'"));
        Assert.Equal(4, Count("cantho", "SELECT COUNT(*) FROM ContentItems WHERE Published AND ContentItemId LIKE 'ct-%'"));
    }

    [Fact]
    public async Task RecipeApply_KilledMidImport_RestartFindsConsistentDatabase()
    {
        var recipe = Path.Combine(_data, "bulk.recipe.json");
        Directory.CreateDirectory(_data);
        await File.WriteAllTextAsync(recipe, BulkRecipe(2500));
        using (var setup = PortalsProcess.Start(_data, "recipe", "export", "--tenant", "cantho"))
        {
            Assert.Equal(0, await setup.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        }
        var logBefore = Count("cantho", "SELECT COUNT(*) FROM ChangeLog");

        using (var import = PortalsProcess.Start(_data, "recipe", "apply", recipe, "--tenant", "cantho"))
        {
            // The first progress line is printed after 250 items were written inside the import's transaction:
            // the event that writes are under way, with 2,250 still to go.
            Assert.True(await import.WaitForOutputAsync("(content): 250/2500", TimeSpan.FromMinutes(2)), import.Output);
            Assert.False(import.HasExited, "The import ended before it could be killed.\n" + import.Output);
            import.Kill();
            Assert.NotEqual(0, import.ExitCode);
            Assert.DoesNotContain("Applied 'bulk'", import.Output, StringComparison.Ordinal);
        }

        Assert.Equal("ok", Scalar("cantho", "PRAGMA integrity_check"));
        Assert.Equal(0, Count("cantho", "SELECT COUNT(*) FROM ContentItems WHERE ContentItemId LIKE 'bulk-%'"));
        Assert.Equal(logBefore, Count("cantho", "SELECT COUNT(*) FROM ChangeLog"));
        AssertChangeLogCoversPublished("cantho");

        using (var again = PortalsProcess.Start(_data, "recipe", "apply", recipe, "--tenant", "cantho"))
        {
            Assert.True(await again.WaitForExitAsync(TimeSpan.FromMinutes(3)) == 0, again.Output);
        }
        Assert.Equal(2500, Count("cantho", "SELECT COUNT(*) FROM ContentItems WHERE Published AND ContentItemId LIKE 'bulk-%'"));
        Assert.Equal(logBefore + 2500, Count("cantho", "SELECT COUNT(*) FROM ChangeLog"));
        AssertChangeLogCoversPublished("cantho");
    }

    [Fact]
    public async Task RecipeExport_Cli_WritesRecipeToStdout()
    {
        using var export = PortalsProcess.Start(_data, "recipe", "export", "--tenant", "haugiang");
        Assert.Equal(0, await export.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains("\"hg-du-an-kenh-xa-no\"", export.Output, StringComparison.Ordinal);
    }

    /// <summary>Every published item's last change-log entry says Published, and every such entry has its item.</summary>
    private void AssertChangeLogCoversPublished(string tenant)
    {
        using var connection = Open(tenant);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM ContentItems i WHERE i.Published AND NOT EXISTS (
              SELECT 1 FROM ChangeLog c WHERE c.ContentItemId = i.ContentItemId AND c.Kind = 'Published'
                AND c.Id = (SELECT MAX(Id) FROM ChangeLog l WHERE l.ContentItemId = i.ContentItemId))
            """;
        Assert.Equal(0L, (long)command.ExecuteScalar()!);
        command.CommandText = """
            SELECT COUNT(*) FROM ChangeLog c WHERE c.Kind = 'Published'
              AND c.Id = (SELECT MAX(Id) FROM ChangeLog l WHERE l.ContentItemId = c.ContentItemId)
              AND NOT EXISTS (SELECT 1 FROM ContentItems i WHERE i.ContentItemId = c.ContentItemId AND i.Published)
            """;
        Assert.Equal(0L, (long)command.ExecuteScalar()!);
    }

    private static string BulkRecipe(int count)
    {
        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            items.Add(new JsonObject
            {
                ["ContentItemId"] = $"bulk-{i:D5}",
                ["ContentType"] = "NewsArticle",
                ["Published"] = true,
                ["TitlePart"] = new JsonObject { ["Title"] = $"Tin thử nghiệm số {i}" },
                ["HtmlBodyPart"] = new JsonObject { ["Html"] = "<p>" + string.Concat(Enumerable.Repeat("Nội dung thử nghiệm về hợp tác. ", 40)) + "</p>" },
                ["NewsArticle"] = new JsonObject { ["Summary"] = new JsonObject { ["Text"] = "Tóm tắt" } },
            });
        }
        return new JsonObject { ["name"] = "bulk", ["steps"] = new JsonArray(new JsonObject { ["name"] = "content", ["data"] = items }) }.ToJsonString();
    }

    private SqliteConnection Open(string tenant)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "Sites", tenant, "portals.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    private object? Scalar(string tenant, string sql)
    {
        using var connection = Open(tenant);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private long Count(string tenant, string sql) => Convert.ToInt64(Scalar(tenant, sql), CultureInfo.InvariantCulture);
}
