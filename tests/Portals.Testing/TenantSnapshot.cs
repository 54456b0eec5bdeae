using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Data;
using Portals.Core.Tenants;

namespace Portals.Testing;

/// <summary>Every row of a tenant's database as text, to prove that an operation changed nothing.</summary>
public static class TenantSnapshot
{
    public static async Task<string> TakeAsync(TenantDatabase database, TenantContext tenant)
    {
        await using var db = database.Open(tenant);
        var text = new StringBuilder();
        foreach (var r in await db.ContentItems.OrderBy(r => r.Id).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"item {r.Id} {r.ContentItemId} {r.ContentItemVersionId} L={r.Latest} P={r.Published} {r.Path} {r.Json}");
        }
        foreach (var t in await db.ContentTerms.OrderBy(t => t.Id).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"term {t.Id} {t.ContentItemRecordId} {t.Field} {t.TermContentItemId}");
        }
        foreach (var c in await db.ChangeLog.OrderBy(c => c.Id).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"log {c.Id} {c.ContentItemId} {c.Kind}");
        }
        foreach (var d in await db.Documents.OrderBy(d => d.Key).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"doc {d.Key} {d.Json}");
        }
        foreach (var u in await db.Users.OrderBy(u => u.Id).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"user {u.Id} {u.UserName} {u.Roles}");
        }
        return text.ToString();
    }
}
