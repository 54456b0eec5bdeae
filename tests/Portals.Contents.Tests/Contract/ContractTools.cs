using System.Diagnostics;
using System.Text;
using Portals.Testing;

namespace Portals.Contents.Tests.Contract;

/// <summary>
/// Both portals served by Kestrel on a free loopback port: client generators and linters run as other processes,
/// which cannot reach the in-memory test server.
/// </summary>
public sealed class ContractPortals : PortalsFactory
{
    public ContractPortals() => UseKestrel(0);

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:40123</c>, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await WaitForTenantsAsync();
    }
}

/// <summary>The contract tools: the committed folder (tool manifest, npm lockfile, partner program) and child processes.</summary>
public static class ContractTools
{
    /// <summary><c>tests/Portals.Contents.Tests/Contract</c> in the source tree.</summary>
    public static string Directory { get; } = Find();

    /// <summary>A finished command: its exit code, stdout and stderr interleaved, and stdout alone.</summary>
    public sealed record Run(int ExitCode, string Output, string StandardOutput);

    /// <summary>Runs a command to its end (or kills it at the deadline) and returns its exit code with stdout and stderr.</summary>
    public static async Task<Run> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // dotnet test passes MSBuild's settings to the test host; a child build must find its own SDK.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        var output = new StringBuilder();
        var standardOutput = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            Append(output, e.Data);
            Append(standardOutput, e.Data);
        };
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Append(output, $"[killed after {timeout}]");
            return new Run(-1, Text(output), Text(standardOutput));
        }
        // WaitForExitAsync returns once the streams are drained too.
        return new Run(process.ExitCode, Text(output), Text(standardOutput));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Portals.Contents.Tests", "Contract");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("tests/Portals.Contents.Tests/Contract above " + AppContext.BaseDirectory);
    }
}
