using System.Globalization;

namespace Portals.Search.Bench;

/// <summary>
/// Relaxed matching, typo tolerance and suggestions, each loop beside its plain counterpart in the same run. Each pair
/// runs twice, alternating, and the better of the two runs counts: the machine is shared, and a burst of other work
/// during one loop would otherwise decide the ratio.
/// </summary>
internal static class Forgiving
{
    public delegate Task<Latency> LoopRunner(string name, int threads, Func<int, Task> call);

    public static async Task MeasureAsync(ISearchIndex index, string[] texts, Report report, LoopRunner loop)
    {
        var relaxed = ForgivingQueries.Relaxed(texts);
        var typoPlain = ForgivingQueries.Typos.Select(t => t.Plain).ToArray();
        var typos = ForgivingQueries.Typos.Select(t => t.Typo).ToArray();
        Func<int, Task> Search(string[] set) => i => index.SearchAsync(new SearchQuery(set[i % set.Length], null, null, null), CancellationToken.None);

        var (plain, loose) = await PairAsync(loop, ("SearchAsync: plain text", Search(texts)), ("SearchAsync: text + an extra word (relaxed)", Search(relaxed)));
        report.Loop(plain, plain);
        report.Loop(loose, plain);
        var (right, wrong) = await PairAsync(loop, ("SearchAsync: texts with a long word, typed right", Search(typoPlain)),
            ("SearchAsync: the same texts with one typo", Search(typos)));
        report.Loop(right, right);
        report.Loop(wrong, right);

        var answeredRelaxed = 0;
        foreach (var text in relaxed)
        {
            answeredRelaxed += (await index.SearchAsync(new SearchQuery(text, null, null, null), CancellationToken.None)).Relaxed ? 1 : 0;
        }

        report.Fact("relaxed vs plain", Ratio(loose, plain) + $"; {answeredRelaxed} of {relaxed.Length} answered relaxed");
        report.Fact("typo vs typed right", Ratio(wrong, right));

        var prefixes = ForgivingQueries.Prefixes;
        string?[] tenants = [null, "haugiang", null, "cantho"];
        Task Suggest(int i) => index.SuggestAsync(new SuggestQuery(prefixes[i % prefixes.Length], tenants[(i / prefixes.Length) % tenants.Length]), CancellationToken.None);
        var suggest = await loop("SuggestAsync: prefixes, 1 thread", 1, Suggest);
        report.Loop(suggest, suggest);
        var suggest8 = await loop("SuggestAsync: prefixes, 8 threads", 8, Suggest);
        report.Loop(suggest8, suggest);
        report.Fact("suggest latency, 1 thread", string.Create(CultureInfo.InvariantCulture, $"p50 {suggest.P50:F2} ms, p99 {suggest.P99:F2} ms (target p99 < 10 ms)"));
        report.Fact("suggest latency, 8 threads", string.Create(CultureInfo.InvariantCulture, $"p50 {suggest8.P50:F2} ms, p99 {suggest8.P99:F2} ms"));
    }

    private static async Task<(Latency, Latency)> PairAsync(LoopRunner loop, (string Name, Func<int, Task> Call) a, (string Name, Func<int, Task> Call) b)
    {
        var firstA = await loop(a.Name, 1, a.Call);
        var firstB = await loop(b.Name, 1, b.Call);
        var secondA = await loop(a.Name, 1, a.Call);
        var secondB = await loop(b.Name, 1, b.Call);
        return (Better(firstA, secondA), Better(firstB, secondB));
    }

    private static Latency Better(Latency x, Latency y) => x.CpuMs <= y.CpuMs ? x : y;

    private static string Ratio(Latency loop, Latency baseline) => string.Create(CultureInfo.InvariantCulture,
        $"throughput {loop.PerSecond / baseline.PerSecond:P0} of plain, CPU per query ×{loop.CpuMs / baseline.CpuMs:F2} (target ≥ 80 %, ≤ ×1.25)");
}
