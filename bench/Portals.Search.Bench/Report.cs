using System.Globalization;

namespace Portals.Search.Bench;

/// <summary>Collects figures and prints them as markdown tables.</summary>
internal sealed class Report
{
    private readonly List<(string Name, string Value)> _facts = [];
    private readonly List<(Latency Loop, Latency Raw)> _loops = [];

    public void Fact(string name, string value) => _facts.Add((name, value));

    public void Loop(Latency loop, Latency raw) => _loops.Add((loop, raw));

    public void Print(TextWriter output, int cores)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"## Portals.Search benchmark ({cores} cores, .NET {Environment.Version})"));
        output.WriteLine();
        output.WriteLine("| figure | value |");
        output.WriteLine("| --- | --- |");
        foreach (var (name, value) in _facts)
        {
            output.WriteLine(string.Create(c, $"| {name} | {value} |"));
        }

        output.WriteLine();
        output.WriteLine("| loop | queries | threads | p50 ms | p99 ms | mean ms | CPU ms/query | queries/s | p50 / raw p50 | throughput / raw |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (loop, raw) in _loops)
        {
            output.WriteLine(string.Create(c,
                $"| {loop.Name} | {loop.Count} | {loop.Threads} | {loop.P50:F2} | {loop.P99:F2} | {loop.Mean:F2} | {loop.CpuMs:F2} | {loop.PerSecond:N0} | {loop.P50 / raw.P50:F1}× | {loop.PerSecond / raw.PerSecond:F2} |"));
        }
    }
}
