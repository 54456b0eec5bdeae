using System.Text.Json.Nodes;
using Portals.Core.Audit;
using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Core.Tests;

/// <summary>
/// What the audit port of every content store must do: an entry commits with the change it records, or not at all.
/// Subclasses supply the store, one tenant and a way to read the log back.
/// </summary>
public abstract class AuditTrailContractTests : IAsyncLifetime
{
    protected IContentStore Store { get; set; } = null!;
    protected TenantContext Tenant { get; set; } = null!;

    public abstract Task InitializeAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The committed entries, oldest first.</summary>
    protected abstract Task<IReadOnlyList<(string Action, string? UserName, string? Subject, DateTime CreatedUtc)>> ReadLogAsync();

    private static ContentItem Offer(string id, string location = "Vị Thanh") => new(new JsonObject
    {
        ["ContentItemId"] = id,
        ["ContentType"] = "Offer",
        ["TitlePart"] = new JsonObject { ["Title"] = "Khu công nghiệp Sông Hậu" },
        ["Offer"] = new JsonObject { ["Location"] = new JsonObject { ["Text"] = location } },
    });

    private static AuditEntry Published(string id) => new(AuditActions.ContentPublished, "bientap1", "203.0.113.7", id);

    [Fact]
    public async Task An_entry_commits_with_the_change_it_records()
    {
        await using (var session = await Store.OpenAsync(Tenant, default))
        {
            await session.SaveAsync(Offer("a1"), SaveMode.Publish, default);
            await session.Audit().AppendAsync(Published("a1"), default);
            await session.CommitAsync(default);
        }
        var entry = Assert.Single(await ReadLogAsync());
        Assert.Equal((AuditActions.ContentPublished, "bientap1", "a1"), (entry.Action, entry.UserName, entry.Subject));
        Assert.InRange(entry.CreatedUtc, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task A_session_disposed_without_commit_keeps_neither_the_change_nor_its_entry()
    {
        await using (var session = await Store.OpenAsync(Tenant, default))
        {
            await session.SaveAsync(Offer("a2"), SaveMode.Publish, default);
            await session.Audit().AppendAsync(Published("a2"), default);
        }
        Assert.Empty(await ReadLogAsync());
        await using var check = await Store.OpenAsync(Tenant, default);
        Assert.Null(await check.GetAsync("a2", VersionOptions.Latest, default));
    }

    [Fact]
    public async Task An_entry_appended_before_a_failing_change_is_discarded_with_it()
    {
        await using (var session = await Store.OpenAsync(Tenant, default))
        {
            await session.Audit().AppendAsync(Published("a3"), default);
            await Assert.ThrowsAsync<ContentValidationException>(() => session.SaveAsync(Offer("a3", location: ""), SaveMode.Publish, default));
        }
        Assert.Empty(await ReadLogAsync());
    }

    [Fact]
    public async Task Entries_alone_commit_too_and_keep_their_order()
    {
        await using (var session = await Store.OpenAsync(Tenant, default))
        {
            await session.Audit().AppendAsync(new AuditEntry(AuditActions.MediaUploaded, "tacgia", null, "media:bao-cao.pdf"), default);
            await session.Audit().AppendAsync(new AuditEntry(AuditActions.MediaDeleted, "tacgia", null, "media:bao-cao.pdf"), default);
            await session.CommitAsync(default);
        }
        Assert.Equal([AuditActions.MediaUploaded, AuditActions.MediaDeleted], (await ReadLogAsync()).Select(e => e.Action));
    }
}
