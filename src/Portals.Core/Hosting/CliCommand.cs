namespace Portals.Core.Hosting;

/// <summary>A command run by <c>dotnet run --project src/Portals.Web -- &lt;verb&gt; &lt;noun&gt; …</c>; modules add their own.</summary>
public interface ICliCommand
{
    /// <summary>The first two words, e.g. <c>recipe apply</c>.</summary>
    string Name { get; }

    string Usage { get; }

    /// <summary>Writes results to <paramref name="output"/> (stdout) and progress to stderr; returns the exit code.</summary>
    Task<int> RunAsync(IServiceProvider services, CliArguments arguments, TextWriter output, CancellationToken cancellationToken);
}

/// <summary>Positional words and <c>--name value</c> options of a command line.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);

    public CliArguments(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    _options[name[..eq]] = name[(eq + 1)..];
                }
                else
                {
                    _options[name] = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
                }
            }
            else
            {
                positional.Add(args[i]);
            }
        }
        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    public string? Option(string name) => _options.GetValueOrDefault(name);
}
