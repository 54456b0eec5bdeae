using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portals.Testing;

/// <summary>The built host run as a real child process, as <c>dotnet run</c> would: for CLI, crash and multi-node tests.</summary>
public sealed class PortalsProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();

    private PortalsProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static PortalsProcess Start(string dataPath, params string[] args) => Start(dataPath, [], args);

    /// <summary>As <see cref="Start(string, string[])"/>, with <paramref name="settings"/> last (they win over the provider under test's).</summary>
    public static PortalsProcess Start(string dataPath, IEnumerable<KeyValuePair<string, string>> settings, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portals.Web.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.ArgumentList.Add($"--Portals:DataPath={dataPath}");
        info.ArgumentList.Add($"--Portals:Setup:AdminPassword={PortalsFactory.AdminPassword}");
        info.ArgumentList.Add($"--Portals:Setup:ApiClientSecret={PortalsFactory.ApiClientSecret}");
        // Plain lines, as a reader of a failed test's output wants them; the JSON formatter of production escapes
        // characters such as apostrophes, so tests looking for a message in the output would miss it.
        info.ArgumentList.Add("--Logging:Console:FormatterName=simple");
        foreach (var (key, value) in TestDatabases.Settings(dataPath).Concat(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))))
        {
            info.ArgumentList.Add($"--{key}={value}");
        }
        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        var process = new Process { StartInfo = info };
        var wrapper = new PortalsProcess(process);
        process.OutputDataReceived += (_, e) => wrapper.Append(e.Data);
        process.ErrorDataReceived += (_, e) => wrapper.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
            if (_process.HasExited)
            {
                return Output.Contains(text, StringComparison.Ordinal);
            }
            await Task.Delay(20);
        }
        return false;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush — a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>Polls <c>/{tenant}/health</c> of every tenant until all answer 200, or the timeout passes.</summary>
    public static async Task<bool> WaitHealthyAsync(HttpClient http, TimeSpan timeout, params string[] tenants)
    {
        for (var deadline = DateTime.UtcNow + timeout; DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            try
            {
                var healthy = true;
                foreach (var tenant in tenants)
                {
                    using var response = await http.GetAsync($"/{tenant}/health");
                    healthy &= response.IsSuccessStatusCode;
                }
                if (healthy)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }
        return false;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }
}
