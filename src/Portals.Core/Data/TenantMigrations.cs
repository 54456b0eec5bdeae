using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Portals.Core.Data;

/// <summary>Where a tenant database stands against this build's migrations.</summary>
/// <param name="Legacy">Tables without a migrations history: a database created before migrations existed.</param>
public sealed record MigrationStatus(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown, bool Legacy)
{
    public bool UpToDate => Pending.Count == 0 && Unknown.Count == 0 && !Legacy;
}

/// <summary>A node refuses a database migrated by a newer build: its code would misread a schema it does not know.</summary>
public sealed class DatabaseNewerThanCodeException(string tenant, MigrationStatus status) : InvalidOperationException(
    $"The database of tenant '{tenant}' was migrated by a newer version of Portals: it has the migration(s) "
    + $"{string.Join(", ", status.Unknown)}, which this build does not know (its last is "
    + $"{status.Applied.Except(status.Unknown).LastOrDefault() ?? "none"}). Run the newer version, or restore a backup taken before the upgrade.")
{
    public string Tenant { get; } = tenant;

    public IReadOnlyList<string> Unknown { get; } = status.Unknown;
}

internal static class TenantMigrations
{
    public static async Task<MigrationStatus> StatusAsync(PortalsDbContext context, CancellationToken cancellationToken)
    {
        var known = context.Database.GetMigrations().ToList();
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            return new MigrationStatus([], known, [], Legacy: false);
        }
        // An empty list when the history table does not exist (yet).
        var applied = (await context.GetService<IHistoryRepository>().GetAppliedMigrationsAsync(cancellationToken)).Select(r => r.MigrationId).ToList();
        var legacy = applied.Count == 0 && await creator.HasTablesAsync(cancellationToken)
            && await TableExistsAsync(context, FirstMigrationTables(context).First(), cancellationToken);
        var appliedSet = applied.ToHashSet(StringComparer.Ordinal);
        return new MigrationStatus(applied, known.Where(m => !appliedSet.Contains(m)).ToList(),
            applied.Except(known, StringComparer.Ordinal).ToList(), legacy);
    }

    /// <summary>
    /// A database made by <c>EnsureCreated</c> before migrations existed holds the first migration's tables:
    /// record that migration as applied, so the later ones upgrade it in place. Refused when a table is missing.
    /// A build made just before migrations may already hold columns a later migration adds: such a migration is
    /// recorded too, or applying it would fail on a column that exists.
    /// </summary>
    public static async Task BaselineAsync(PortalsDbContext context, CancellationToken cancellationToken)
    {
        var migrations = context.GetService<IMigrationsAssembly>();
        var firstId = migrations.Migrations.First().Key;
        foreach (var table in FirstMigrationTables(context))
        {
            if (!await TableExistsAsync(context, table, cancellationToken))
            {
                throw new InvalidOperationException(
                    $"The database has tables but no migrations history, and lacks the table '{table}' of the first migration {firstId}: "
                    + "it predates that schema and cannot be upgraded in place. Export its content with an older build (recipe export) and import it into a new database.");
            }
        }
        var history = context.GetService<IHistoryRepository>();
        var script = new StringBuilder(history.GetCreateIfNotExistsScript()).Append(history.GetInsertScript(new HistoryRow(firstId, ProductInfo.GetVersion())));
        foreach (var (id, type) in migrations.Migrations.Skip(1))
        {
            if (await ColumnsAlreadyAddedAsync(context, migrations.CreateMigration(type, context.Database.ProviderName!), cancellationToken))
            {
                script.Append(history.GetInsertScript(new HistoryRow(id, ProductInfo.GetVersion())));
            }
        }
        await context.Database.ExecuteSqlRawAsync(script.ToString(), cancellationToken);
    }

    /// <summary>A migration that only adds columns, every one of which the database has.</summary>
    private static async Task<bool> ColumnsAlreadyAddedAsync(PortalsDbContext context, Migration migration, CancellationToken cancellationToken)
    {
        if (migration.UpOperations.Count == 0 || !migration.UpOperations.All(o => o is AddColumnOperation))
        {
            return false;
        }
        foreach (var column in migration.UpOperations.Cast<AddColumnOperation>())
        {
            if (!await ExistsAsync(context, column.Table, column.Name, cancellationToken))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The tables the first migration creates, ContentItems first (the one a legacy database surely has).</summary>
    private static IEnumerable<string> FirstMigrationTables(PortalsDbContext context)
    {
        var migrations = context.GetService<IMigrationsAssembly>();
        var first = migrations.CreateMigration(migrations.Migrations.First().Value, context.Database.ProviderName!);
        return first.UpOperations.OfType<CreateTableOperation>().Select(t => t.Name).OrderBy(t => t != "ContentItems");
    }

    private static Task<bool> TableExistsAsync(PortalsDbContext context, string table, CancellationToken cancellationToken) =>
        ExistsAsync(context, table, column: null, cancellationToken);

    private static async Task<bool> ExistsAsync(PortalsDbContext context, string table, string? column, CancellationToken cancellationToken)
    {
        // The names come from our own migrations and are quoted by the provider; they are not input.
        var quote = context.GetService<ISqlGenerationHelper>();
        var sql = "SELECT " + (column is null ? "1" : quote.DelimitIdentifier(column)) + " FROM " + quote.DelimitIdentifier(table) + " WHERE 1 = 0";
        try
        {
            await context.Database.ExecuteSqlRawAsync(sql, cancellationToken);
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }
}
