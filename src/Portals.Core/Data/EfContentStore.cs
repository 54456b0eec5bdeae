using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Core.Data;

/// <summary>The EF Core implementation of the content store; the provider (SQLite, PostgreSQL) comes from the tenant.</summary>
public sealed class EfContentStore(TenantDatabase database, TimeProvider clock, ContentChangeSignal? signal = null) : IContentStore
{
    public Task<IContentSession> OpenAsync(TenantContext tenant, CancellationToken cancellationToken) =>
        Task.FromResult<IContentSession>(new EfContentSession(tenant, database.Open(tenant), clock, signal));
}

/// <summary>
/// One unit of work over one <see cref="PortalsDbContext"/>. Its parts: reads (<c>.Reads.cs</c>), the save
/// (<c>.Save.cs</c>, <c>.Prepare.cs</c>), other writes (<c>.Writes.cs</c>), definitions, documents and the change log
/// (<c>.Documents.cs</c>) and the record mapping (<c>.Records.cs</c>).
/// </summary>
internal sealed partial class EfContentSession(TenantContext tenant, PortalsDbContext db, TimeProvider clock, ContentChangeSignal? signal = null) : IContentSession
{
    private IDbContextTransaction? _transaction;

    public TenantContext Tenant => tenant;

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
            await _transaction.DisposeAsync();
            _transaction = null;
            // After the commit, so a cache that fills meanwhile is tagged with the old value and refills.
            signal?.Changed(tenant.Name);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }
        await db.DisposeAsync();
    }

    /// <summary>
    /// Writes start the transaction, so read-only sessions never take the write lock. The tenant's write lock is held
    /// from here (SQLite: <c>BEGIN IMMEDIATE</c>; PostgreSQL: an advisory lock), so every read that follows in this
    /// session sees the state its writes will replace, whatever other processes or nodes do, and change-log ids
    /// commit in order.
    /// </summary>
    private async Task BeginWriteAsync(CancellationToken cancellationToken) =>
        _transaction ??= await db.BeginWriteAsync(cancellationToken);

    /// <summary>The item's latest and published rows, tracked, read inside the write transaction and checked against <paramref name="expected"/>.</summary>
    private async Task<List<ContentItemRecord>> LockVersionsAsync(string contentItemId, ExpectedVersion? expected, CancellationToken cancellationToken)
    {
        await BeginWriteAsync(cancellationToken);
        var versions = new List<ContentItemRecord>(2);
        await foreach (var version in WriteQueries.Versions(db, contentItemId).WithCancellation(cancellationToken))
        {
            versions.Add(version);
        }
        if (expected is not null && !expected.Matches(versions.FirstOrDefault(r => r.Latest)?.Json))
        {
            throw new ContentConflictException(contentItemId);
        }
        return versions;
    }
}
