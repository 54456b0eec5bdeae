using System.Diagnostics;

namespace Portals.Search.Bench;

/// <summary>Per-call latencies of one loop, and the figures the report prints.</summary>
internal sealed record Latency(string Name, double[] SortedMs, double WallSeconds, double CpuSeconds, int Threads)
{
    public int Count => SortedMs.Length;
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);
    public double Mean => SortedMs.Average();
    public double PerSecond => Count / WallSeconds;

    /// <summary>Process CPU per query: steadier than wall time when other work shares the machine.</summary>
    public double CpuMs => CpuSeconds * 1000 / Count;

    public static async Task<Latency> MeasureAsync(string name, int count, int threads, Func<int, Task> call)
    {
        var samples = new double[count];
        var next = -1;
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var start = Stopwatch.GetTimestamp();
                await call(i);
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }));
        await Task.WhenAll(workers);
        wall.Stop();
        process.Refresh();
        Array.Sort(samples);
        return new Latency(name, samples, wall.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds, threads);
    }

    private double Percentile(double p) => SortedMs[Math.Min(Count - 1, (int)Math.Ceiling(p * Count) - 1)];
}
