using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portals.Core.Content;
using Portals.Core.Tenants;
using Portals.Search.Indexing;

namespace Portals.Search.Bench;

/// <summary>
/// A bulk publish as a recipe import runs it (store sessions of <c>batch</c> items: validation, sanitizing, versions,
/// paths, term index, change log, one transaction each) while the indexer follows the change logs beside it, as
/// <see cref="SearchIndexingService"/> does on a live node (one batch per tenant in turn; woken by a commit, or after
/// 250 ms). The first batch's commit and every tenth are timed until the index's cursor covers them: how long a
/// published item waits to be searchable.
/// </summary>
internal static class PublishRun
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static async Task<int> RunAsync(IServiceProvider services, ICorpus corpus, int docs, int batch)
    {
        var registry = services.GetRequiredService<TenantRegistry>();
        var store = services.GetRequiredService<IContentStore>();
        var indexer = services.GetRequiredService<SearchIndexer>();
        var index = services.GetRequiredService<ISearchIndex>();
        var signal = services.GetRequiredService<ContentChangeSignal>();
        // A live node has indexed its seed content before any bulk load: so has this one (and its indexing code is
        // compiled), so the first batch's wait is not a cold start's.
        foreach (var tenant in registry.All)
        {
            await indexer.CatchUpAsync(tenant, default);
        }
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var total = Stopwatch.StartNew();
        var publishing = TimeSpan.Zero;
        var waiting = new List<Task<double>>();
        var firstItem = Task.FromResult(0d);
        using var published = new CancellationTokenSource();
        var follower = Task.Run(() => FollowAsync(registry, indexer, signal, published.Token));
        var number = 0;
        for (var start = 0; start < docs; start += batch)
        {
            var documents = Enumerable.Range(start, Math.Min(batch, docs - start)).Select(corpus.Next).ToList();
            foreach (var group in documents.GroupBy(d => d.Tenant))
            {
                var tenant = registry.Get(group.Key);
                // The bulk's first item is the first change after this tenant's last one so far.
                var firstChange = number == 0 ? await LastChangeAsync(store, tenant) + 1 : 0;
                var begin = Stopwatch.GetTimestamp();
                await using (var session = await store.OpenAsync(tenant, default))
                {
                    foreach (var document in group)
                    {
                        await session.SaveAsync(Items.ToItem(document), SaveMode.Publish, default);
                    }
                    await session.CommitAsync(default);
                }
                var committed = Stopwatch.GetTimestamp();
                publishing += Stopwatch.GetElapsedTime(begin);
                if (number == 0)
                {
                    firstItem = WaitSearchableAsync(index, tenant.Name, firstChange, committed);
                }
                if (number++ % 10 == 0)
                {
                    waiting.Add(WaitSearchableAsync(index, tenant.Name, await LastChangeAsync(store, tenant), committed));
                }
            }
            if ((start / batch) % 10 == 0)
            {
                Console.Error.WriteLine($"{start + batch}/{docs} published");
            }
        }
        var publishedAfter = total.Elapsed;
        await published.CancelAsync();
        await follower;
        foreach (var tenant in registry.All)
        {
            await indexer.CatchUpAsync(tenant, default); // whatever the follower had not reached yet
        }
        var waits = (await Task.WhenAll(waiting)).ToList();
        var first = waits.FirstOrDefault();
        var firstOfBulk = await firstItem;
        total.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var results = await index.SearchAsync(new SearchQuery(null, null, null, null, 1, 1), default);
        waits.Sort();
        Console.WriteLine($"| documents | {docs:N0} (index holds {results.Total:N0} incl. seed) |");
        Console.WriteLine($"| publish + index, end to end (overlapped) | {docs / total.Elapsed.TotalSeconds:N0} docs/s ({total.Elapsed.TotalSeconds:N1} s) |");
        Console.WriteLine($"| of which publishing alone (store sessions) | {docs / publishing.TotalSeconds:N0} docs/s; all published after {publishedAfter.TotalSeconds:N1} s |");
        Console.WriteLine($"| index caught up after the last commit | {(total.Elapsed - publishedAfter).TotalSeconds:N1} s |");
        Console.WriteLine($"| the bulk's first item: commit → searchable | {firstOfBulk:N0} ms |");
        Console.WriteLine($"| the first batch's last item: commit → searchable | {first:N0} ms |");
        Console.WriteLine($"| a batch's last item: commit → searchable (every 10th batch, n={waits.Count}) | median {Percentile(waits, 0.5):N0} ms, max {waits.LastOrDefault():N0} ms |");
        Console.WriteLine($"| CPU | {cpu.TotalSeconds:N1} s, {cpu.TotalMilliseconds / docs:N2} ms per document (publish + index) |");
        Console.WriteLine($"| methods compiled during the run (dynamic methods included) | {System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore:N0} |");
        Console.WriteLine($"| garbage collections gen0/1/2 | {GC.CollectionCount(0) - gcBefore.Item1:N0} / {GC.CollectionCount(1) - gcBefore.Item2:N0} / {GC.CollectionCount(2) - gcBefore.Item3:N0} |");
        Console.WriteLine($"| pipeline process peak RSS | {process.PeakWorkingSet64 / 1048576.0:N0} MiB |");
        return 0;
    }

    private static async Task FollowAsync(TenantRegistry registry, SearchIndexer indexer, ContentChangeSignal signal, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            // As SearchIndexingService: one batch per tenant per round, polling again only when no batch was full.
            var more = false;
            foreach (var tenant in registry.All)
            {
                more |= (await indexer.TryCatchUpStepAsync(tenant, default))?.More ?? false;
            }
            if (!more)
            {
                try
                {
                    await signal.WaitAsync(Poll, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static async Task<long> LastChangeAsync(IContentStore store, TenantContext tenant)
    {
        await using var session = await store.OpenAsync(tenant, default);
        return await session.GetLastChangeIdAsync(default);
    }

    private static async Task<double> WaitSearchableAsync(ISearchIndex index, string tenant, long changeId, long committedAt)
    {
        while (await index.GetCursorAsync(tenant, default) < changeId)
        {
            await Task.Delay(5);
        }
        return Stopwatch.GetElapsedTime(committedAt).TotalMilliseconds;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];
}
