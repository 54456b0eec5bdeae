using System.Net.Http.Headers;
using System.Text.Json;
using Npgsql;
using Portals.Testing;

namespace Portals.Web.Tests.Cluster;

/// <summary>
/// Two real server processes, each with its own data folder and Lucene index, over one PostgreSQL: both tenants'
/// databases and the cluster database are shared. The read cache lives 60 s, so a write seen on the other node
/// within a second was seen through a notification, not by expiry. Started once for the class (starting is slow).
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    /// <summary>Each rebuild batch pauses this long, so a rebuild is still running while the other node is asked.</summary>
    public const int RebuildPauseMilliseconds = 4000;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "portals-cluster-tests", Guid.NewGuid().ToString("n"));
    private readonly string _prefix = $"portals_cluster_{Guid.NewGuid():n}"[..32];
    private readonly string[] _tenants = ["haugiang", "cantho"];

    public PortalsProcess A { get; private set; } = null!;

    public PortalsProcess B { get; private set; } = null!;

    public HttpClient HttpA { get; private set; } = null!;

    public HttpClient HttpB { get; private set; } = null!;

    public string TenantConnectionString(string tenant) => TestPostgres.ConnectionString($"{_prefix}_{tenant}", pooling: false);

    public async Task InitializeAsync()
    {
        await using (var server = new NpgsqlConnection(TestPostgres.ConnectionString("postgres", pooling: false)))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_prefix}_keys\"", server);
            await create.ExecuteNonQueryAsync();
        }
        var settings = new Dictionary<string, string>
        {
            ["Portals:Cluster:ConnectionString"] = TestPostgres.ConnectionString($"{_prefix}_keys"),
            ["Portals:Api:ReadCacheSeconds"] = "60",
            ["Portals:SchedulePollSeconds"] = "1",
            ["Portals:Search:RebuildBatchPauseMilliseconds"] = RebuildPauseMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var tenant in _tenants)
        {
            settings[$"Portals:Tenants:{tenant}:DatabaseProvider"] = "PostgreSQL";
            settings[$"Portals:Tenants:{tenant}:ConnectionString"] = TestPostgres.ConnectionString($"{_prefix}_{tenant}");
        }
        // Started together: they migrate in turn, seed once and agree on the shared keys.
        (A, HttpA) = Start(Path.Combine(_root, "a"), settings);
        (B, HttpB) = Start(Path.Combine(_root, "b"), settings);
        var healthy = await Task.WhenAll(
            PortalsProcess.WaitHealthyAsync(HttpA, TimeSpan.FromMinutes(2), _tenants),
            PortalsProcess.WaitHealthyAsync(HttpB, TimeSpan.FromMinutes(2), _tenants));
        Assert.True(healthy.All(h => h), $"A:\n{A.Output}\nB:\n{B.Output}");
    }

    public async Task DisposeAsync()
    {
        HttpA?.Dispose();
        HttpB?.Dispose();
        A?.Dispose();
        B?.Dispose();
        await TestPostgres.DropDatabasesAsync([.. _tenants.Select(t => $"{_prefix}_{t}"), $"{_prefix}_keys"]);
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>A client-credentials token of the seeded administrator client, issued by the node behind <paramref name="http"/>.</summary>
    public static async Task<string> TokenAsync(HttpClient http, string tenant)
    {
        using var response = await http.PostAsync($"/{tenant}/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "portals-cli",
            ["client_secret"] = PortalsFactory.ApiClientSecret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public static HttpRequestMessage WithToken(HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static (PortalsProcess, HttpClient) Start(string dataPath, Dictionary<string, string> settings)
    {
        var port = PortalsProcess.FreePort();
        var process = PortalsProcess.Start(dataPath, settings, "--urls", $"http://127.0.0.1:{port}");
        return (process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
    }
}
