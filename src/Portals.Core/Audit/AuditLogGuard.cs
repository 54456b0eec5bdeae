using Microsoft.EntityFrameworkCore;
using Portals.Core.Data;
using Portals.Core.Tenants;

namespace Portals.Core.Audit;

/// <summary>
/// Makes the audit log append-only in the database itself: on SQLite, triggers abort any UPDATE or DELETE of its
/// rows, so not even a future code path or a recipe can rewrite history. Idempotent, runs at tenant setup.
/// </summary>
public sealed class AuditLogGuard(TenantDatabase database) : ITenantSetupContributor
{
    public async Task SetupAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        if (!string.Equals(tenant.DatabaseProvider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        await using var db = database.Open(tenant);
        await db.Database.ExecuteSqlRawAsync($"""
            CREATE TRIGGER IF NOT EXISTS "{AuditLog.Table}_NoUpdate" BEFORE UPDATE ON "{AuditLog.Table}"
            BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
            CREATE TRIGGER IF NOT EXISTS "{AuditLog.Table}_NoDelete" BEFORE DELETE ON "{AuditLog.Table}"
            BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
            """, cancellationToken);
    }
}
