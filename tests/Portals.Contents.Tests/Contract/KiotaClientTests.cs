using System.Net;
using Portals.Testing;
using Xunit;

namespace Portals.Contents.Tests.Contract;

/// <summary>
/// Issue 12, done when: a partner generates a C# client with Kiota (a local dotnet tool from the committed manifest)
/// from the running server's document, compiles its program against it, and that program gets a token, writes an
/// investment call with typed fields, reads it back by id and by path, lists, searches (plainly and relaxed), gets suggestions, reads the sectors, and gets
/// typed problems for a 404 and a 400. Generated, built and run once per test run; each step is its own test.
/// </summary>
public sealed class KiotaClientTests(PartnerClientRun run) : IClassFixture<PartnerClientRun>
{
    [Theory]
    [InlineData("token")]
    [InlineData("create")]
    [InlineData("read-by-id")]
    [InlineData("read-by-path")]
    [InlineData("list")]
    [InlineData("search")]
    [InlineData("suggest")]
    [InlineData("sectors")]
    [InlineData("problem-404")]
    [InlineData("problem-400")]
    public void PartnerProgram_Step_Passes(string step)
    {
        Assert.True(run.Failure is null, run.Failure + "\n" + run.Log);
        Assert.True(run.Output.Contains($"PASS {step}\n", StringComparison.Ordinal), $"step {step}:\n{run.Output}");
    }

    [Fact]
    public void PartnerProgram_ExitsWithoutFailures()
    {
        Assert.True(run.Failure is null, run.Failure + "\n" + run.Log);
        Assert.True(run.ExitCode == 0, run.Output);
    }
}

/// <summary>Serves the portals on Kestrel, then restores Kiota, generates the client, builds the partner program and runs it.</summary>
#pragma warning disable CA1001 // The server is disposed by IAsyncLifetime.DisposeAsync, which xunit calls for every fixture.
public sealed class PartnerClientRun : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(6);
    private readonly ContractPortals _portals = new();
    private readonly string _work = Path.Combine(Path.GetTempPath(), "portals-partner-client", Guid.NewGuid().ToString("n"));

    /// <summary>Why the program could not be run (a stage that failed), or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>What every stage printed.</summary>
    public string Log { get; private set; } = "";

    /// <summary>What the partner program printed: one PASS or FAIL line per step.</summary>
    public string Output { get; private set; } = "";

    public int ExitCode { get; private set; } = -1;

    public async Task InitializeAsync()
    {
        await _portals.InitializeAsync();
        Directory.CreateDirectory(_work);
        var document = $"{_portals.BaseUrl}/haugiang/openapi/v1.json";
        using (var http = new HttpClient())
        using (var response = await http.GetAsync(document))
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Failure = $"GET {document}: {(int)response.StatusCode}";
                return;
            }
        }
        var generated = Path.Combine(_work, "generated");
        var project = Path.Combine(ContractTools.Directory, "PartnerClient");
        var stages = new (string Name, string File, string[] Arguments, string Directory)[]
        {
            ("restore Kiota", "dotnet", ["tool", "restore"], ContractTools.Directory),
            ("generate the client", "dotnet", ["tool", "run", "kiota", "generate", "--language", "CSharp", "--openapi", document,
                "--class-name", "PortalsClient", "--namespace-name", "Partner.Client", "--output", generated,
                "--exclude-backward-compatible", "--clean-output", "--log-level", "Warning"], ContractTools.Directory),
            ("build the partner program", "dotnet", ["build", Path.Combine(project, "PartnerClient.csproj"), "-nologo", "-v", "q",
                "--artifacts-path", Path.Combine(_work, "artifacts"), $"-p:GeneratedClientDir={generated}/"], project),
        };
        foreach (var (name, file, arguments, directory) in stages)
        {
            var result = await ContractTools.RunAsync(file, arguments, directory, Deadline);
            Log += $"== {name}: exit {result.ExitCode}\n{result.Output}\n";
            if (result.ExitCode != 0 || name == "generate the client" && !File.Exists(Path.Combine(generated, "PortalsClient.cs")))
            {
                Failure = $"could not {name}";
                return;
            }
        }
        var program = Path.Combine(_work, "artifacts", "bin", "PartnerClient", "debug", "PartnerClient.dll");
        var ran = await ContractTools.RunAsync("dotnet", [program, $"{_portals.BaseUrl}/haugiang", Core.Security.ApiClientSetup.CliClientId, PortalsFactory.ApiClientSecret],
            _work, Deadline);
        Output = ran.Output.ReplaceLineEndings("\n");
        ExitCode = ran.ExitCode;
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_portals).DisposeAsync();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner; nothing else reads this folder.
        }
    }
}
