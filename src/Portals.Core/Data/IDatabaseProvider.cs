using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portals.Core.Tenants;

namespace Portals.Core.Data;

/// <summary>
/// A database engine a tenant can name in <c>Portals:Tenants:{name}:DatabaseProvider</c> (case-insensitive).
/// Each provider ships its migrations in its own assembly (<c>src/Portals.Migrations/{Sqlite,PostgreSql}</c>).
/// </summary>
public interface IDatabaseProvider
{
    string Name { get; }

    void Configure(DbContextOptionsBuilder builder, TenantContext tenant);

    /// <summary>
    /// Creates the database when it does not exist, then holds a lock, across processes and nodes, while migrations
    /// are checked and applied through <paramref name="context"/>, so two nodes starting at once never apply one twice.
    /// </summary>
    Task<IAsyncDisposable> LockSchemaAsync(PortalsDbContext context, TenantContext tenant, CancellationToken cancellationToken);

    /// <summary>Runs after every migration pass (e.g. SQLite's WAL mode); must be idempotent.</summary>
    Task InitializeAsync(PortalsDbContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a write transaction that holds the tenant's single-writer lock until it ends, so writes of one tenant
    /// commit one at a time, in the order of the ids they allocate (SQLite: <c>BEGIN IMMEDIATE</c>; PostgreSQL: a
    /// transaction-scoped advisory lock). Every read made inside it sees the state its writes replace.
    /// </summary>
    Task<IDbContextTransaction> BeginWriteAsync(PortalsDbContext context, CancellationToken cancellationToken);

    /// <summary>
    /// A new, closed connection for reads outside any write transaction, without EF Core: the store's hot reads
    /// (<see cref="ContentReadSql"/>) run on it. It needs none of the write settings.
    /// </summary>
    DbConnection CreateReadConnection(TenantContext tenant);

    /// <summary>SQL that holds when the text <paramref name="column"/> contains the text of <paramref name="parameter"/> (ordinal).</summary>
    string ContainsSql(string column, string parameter);
}
