using Microsoft.EntityFrameworkCore;
using Portals.Core.Data;

namespace Portals.Core.Audit;

/// <summary>A row of the <c>AuditLog</c> table. Only ever inserted (see <see cref="AuditLog"/>).</summary>
public sealed class AuditRecord
{
    public const int ActionLength = 64;
    public const int UserNameLength = 256;
    public const int AddressLength = 64;
    public const int SubjectLength = 256;
    public const int DetailLength = 2000;

    public long Id { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string Action { get; set; } = "";
    public string? UserName { get; set; }
    public string? IpAddress { get; set; }
    public string? Subject { get; set; }
    public string? Detail { get; set; }
}

/// <summary>Adds the <c>AuditLog</c> table to every tenant database.</summary>
public sealed class AuditLogModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        var audit = modelBuilder.Entity<AuditRecord>();
        audit.ToTable(AuditLog.Table);
        audit.Property(a => a.Action).HasMaxLength(AuditRecord.ActionLength);
        audit.Property(a => a.UserName).HasMaxLength(AuditRecord.UserNameLength);
        audit.Property(a => a.IpAddress).HasMaxLength(AuditRecord.AddressLength);
        audit.Property(a => a.Subject).HasMaxLength(AuditRecord.SubjectLength);
        audit.Property(a => a.Detail).HasMaxLength(AuditRecord.DetailLength);
        audit.HasIndex(a => a.CreatedUtc);
        audit.HasIndex(a => new { a.UserName, a.CreatedUtc });
        audit.HasIndex(a => new { a.Action, a.CreatedUtc });
    }
}

/// <summary>Writes audit rows through a tenant's <see cref="PortalsDbContext"/>, for units of work that are not content sessions.</summary>
public static class AuditLog
{
    public const string Table = "AuditLog";

    /// <summary>Adds the entry to the context; it is saved by the caller's SaveChanges, in the caller's transaction.</summary>
    public static void Add(PortalsDbContext db, AuditEntry entry, DateTime nowUtc) =>
        db.Set<AuditRecord>().Add(new AuditRecord
        {
            CreatedUtc = nowUtc,
            Action = Clip(entry.Action, AuditRecord.ActionLength)!,
            UserName = Clip(entry.UserName, AuditRecord.UserNameLength),
            IpAddress = Clip(entry.IpAddress, AuditRecord.AddressLength),
            Subject = Clip(entry.Subject, AuditRecord.SubjectLength),
            Detail = Clip(entry.Detail, AuditRecord.DetailLength),
        });

    /// <summary>What someone typed (a user name on a failed sign-in) can be any length; the row keeps its start.</summary>
    private static string? Clip(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
