using Portals.Core.Content;
using Portals.Core.Data;

namespace Portals.Core.Tests.Contracts;

/// <summary>
/// What every store must hold under concurrent writers in two processes (or nodes): a follower reading the change log
/// by cursor misses nothing, one expected version admits exactly one writer, and paths stay unique.
/// </summary>
public abstract class ConcurrencyContract<THarness> : StoreContract<THarness> where THarness : StoreHarness, new()
{
    private const int Writers = 8;
    private const int ItemsPerWriter = 12;

    /// <summary>
    /// Writers publish, unpublish and delete while a follower (a third store) reads the log in small batches with a
    /// cursor, as the search indexer does. If a change could commit below a cursor already passed (PostgreSQL's
    /// out-of-order commits without the write lock), the follower would miss it.
    /// </summary>
    [Fact]
    public async Task ReadChangesAsync_ManyConcurrentWriters_FollowerSeesEveryChangeAndEndsWithThePublishedSet()
    {
        var start = await InSession(s => s.GetLastChangeIdAsync(default));
        var stores = new[] { Store, Harness.OpenIndependentStore() };
        var writersDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = new List<ChangeLogEntry>();
        var follower = Task.Run(async () =>
        {
            var reader = Harness.OpenIndependentStore();
            for (var cursor = start; ;)
            {
                // Read the flag before the batch: an empty batch read after every writer committed is the end.
                var finished = writersDone.Task.IsCompleted;
                await using var session = await reader.OpenAsync(TenantA, default);
                var batch = await session.ReadChangesAsync(cursor, 7, default);
                seen.AddRange(batch);
                if (batch.Count > 0)
                {
                    cursor = batch[^1].Id;
                }
                else if (finished)
                {
                    return;
                }
            }
        });

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriteAsync(stores[w % 2], w))));
        writersDone.SetResult();
        await follower.WaitAsync(TimeSpan.FromMinutes(3));

        var log = await InSession(s => s.ReadChangesAsync(start, int.MaxValue, default));
        // Every item is published once; a third of them is then withdrawn and a third deleted.
        Assert.Equal(Writers * ItemsPerWriter * 5 / 3, log.Count);
        Assert.Equal(log.Select(c => c.Id), seen.Select(c => c.Id));
        var followed = seen.GroupBy(c => c.ContentItemId).Where(g => g.Last().Kind == ChangeKinds.Published).Select(g => g.Key).Order(StringComparer.Ordinal);
        var published = (await InSession(s => s.ListPublishedIdsAsync(default))).Where(id => id.StartsWith('w')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Writers * ItemsPerWriter / 3, published.Count);
        Assert.Equal(published, followed);
    }

    [Fact]
    public async Task SaveAsync_SixWritersWithOneExpectedVersion_ExactlyOneSucceeds()
    {
        await SaveAsync(Offer("x1", "Một phiên bản"), SaveMode.Publish);
        var expected = new ExpectedVersion(await LatestJsonAsync("x1"));
        var last = await InSession(s => s.GetLastChangeIdAsync(default));
        var stores = new[] { Store, Harness.OpenIndependentStore() };
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, 6).Select(n => Task.Run(async () =>
        {
            await using var session = await stores[n % 2].OpenAsync(TenantA, default);
            await go.Task;
            try
            {
                await session.SaveAsync(Offer("x1", $"Người viết {n}"), new SaveRequest(SaveMode.Publish, true) { Expected = expected }, default);
                await session.CommitAsync(default);
                return $"Người viết {n}";
            }
            catch (ContentConflictException)
            {
                return null;
            }
        })).ToList();
        go.SetResult();

        var winner = Assert.Single((await Task.WhenAll(writers)).OfType<string>());
        Assert.Equal(winner, ContentItem.Parse((await LatestJsonAsync("x1"))!).DisplayText);
        Assert.Equal("x1", Assert.Single(await InSession(s => s.ReadChangesAsync(last, 100, default))).ContentItemId);
    }

    [Fact]
    public async Task SaveAsync_ConcurrentCreatesOfOneTitle_EveryPathDistinct()
    {
        var stores = new[] { Store, Harness.OpenIndependentStore() };
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var creates = Enumerable.Range(1, 6).Select(n => Task.Run(async () =>
        {
            await go.Task;
            await using var session = await stores[n % 2].OpenAsync(TenantA, default);
            var saved = await session.SaveAsync(Offer($"cai-cui-{n}", "Cảng Cái Cui"), SaveMode.Publish, default);
            await session.CommitAsync(default);
            return saved.Path;
        })).ToList();
        go.SetResult();

        var paths = await Task.WhenAll(creates);
        string[] expected = ["cang-cai-cui", "cang-cai-cui-2", "cang-cai-cui-3", "cang-cai-cui-4", "cang-cai-cui-5", "cang-cai-cui-6"];
        Assert.Equal(expected, paths.Order(StringComparer.Ordinal));
        var stored = await InSession(async s => (await s.GetManyAsync([.. Enumerable.Range(1, 6).Select(n => $"cai-cui-{n}")], VersionOptions.Published, default)).Select(i => i.Path));
        Assert.Equal(expected, stored.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Three kinds of work per writer: an item left published (with a draft of another item written after the log row,
    /// in the same transaction, to widen the window between id and commit), one unpublished, one deleted.
    /// </summary>
    private async Task WriteAsync(IContentStore store, int writer)
    {
        for (var i = 0; i < ItemsPerWriter; i++)
        {
            var id = $"w{writer}-{i}";
            await using (var session = await store.OpenAsync(TenantA, default))
            {
                await session.SaveAsync(Offer(id, $"Ghi song song {writer} {i}"), SaveMode.Publish, default);
                if (i % 3 == 0)
                {
                    await session.SaveAsync(Offer($"n{writer}-{i}", $"Nháp kèm {writer} {i}"), SaveMode.Draft, default);
                }
                await session.CommitAsync(default);
            }
            if (i % 3 == 0)
            {
                continue;
            }
            await using var second = await store.OpenAsync(TenantA, default);
            _ = i % 3 == 1 ? await second.UnpublishAsync(id, null, default) : await second.DeleteAsync(id, null, default);
            await second.CommitAsync(default);
        }
    }
}

public sealed class SqliteConcurrencyTests : ConcurrencyContract<SqliteHarness>;

[Trait("Provider", "PostgreSQL")]
public sealed class PostgreSqlConcurrencyTests : ConcurrencyContract<PostgreSqlHarness>;
