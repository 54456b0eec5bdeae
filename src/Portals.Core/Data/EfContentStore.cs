using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portals.Core.Content;
using Portals.Core.Telemetry;
using Portals.Core.Tenants;

namespace Portals.Core.Data;

/// <summary>The EF Core implementation of the content store; the provider (SQLite, PostgreSQL) comes from the tenant.</summary>
public sealed class EfContentStore(TenantDatabase database, TimeProvider clock, ContentChangeSignal? signal = null) : IContentStore
{
    public Task<IContentSession> OpenAsync(TenantContext tenant, CancellationToken cancellationToken) =>
        Task.FromResult<IContentSession>(new EfContentSession(tenant, database, clock, signal));
}

/// <summary>
/// One unit of work over one <see cref="PortalsDbContext"/>. Its parts: reads (<c>.Reads.cs</c>), the save
/// (<c>.Save.cs</c>, <c>.Prepare.cs</c>), other writes (<c>.Writes.cs</c>), definitions, documents and the change log
/// (<c>.Documents.cs</c>) and the record mapping (<c>.Records.cs</c>). The hot reads (<c>.FastReads.cs</c>) go
/// through plain ADO.NET on a read connection of their own, so a read-only session never builds the EF context.
/// </summary>
internal sealed partial class EfContentSession(TenantContext tenant, TenantDatabase database, TimeProvider clock, ContentChangeSignal? signal = null) : IContentSession
{
    private IDbContextTransaction? _transaction;
    private StoreTelemetry.StoreTransaction? _measured;
    private PortalsDbContext? _db;

    /// <summary>Built on first use: reads that go through <see cref="ContentReadSql"/> never need it.</summary>
    private PortalsDbContext db => _db ??= database.Open(tenant);

    public TenantContext Tenant => tenant;

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_db is null)
        {
            return;
        }
        await _db.SaveChangesAsync(cancellationToken);
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
            await _transaction.DisposeAsync();
            _transaction = null;
            _measured?.End(committed: true);
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
        _measured?.End(committed: false);
        if (_reads is not null)
        {
            await _reads.DisposeAsync();
        }
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    /// <summary>
    /// Writes start the transaction, so read-only sessions never take the write lock. The tenant's write lock is held
    /// from here (SQLite: <c>BEGIN IMMEDIATE</c>; PostgreSQL: an advisory lock), so every read that follows in this
    /// session sees the state its writes will replace, whatever other processes or nodes do, and change-log ids
    /// commit in order.
    /// </summary>
    private async Task BeginWriteAsync(CancellationToken cancellationToken)
    {
        if (_transaction is null)
        {
            _measured = StoreTelemetry.Begin(tenant.Name);
            _transaction = await db.BeginWriteAsync(cancellationToken);
        }
    }

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
