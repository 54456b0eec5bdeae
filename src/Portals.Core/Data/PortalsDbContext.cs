using Microsoft.EntityFrameworkCore;

namespace Portals.Core.Data;

/// <summary>Lets a module add its own tables to every tenant database.</summary>
public interface IModelContributor
{
    void Configure(ModelBuilder modelBuilder);
}

/// <summary>One tenant's database. Created per unit of work by <see cref="TenantDatabase"/>.</summary>
public sealed class PortalsDbContext(DbContextOptions<PortalsDbContext> options, IReadOnlyList<IModelContributor> contributors) : DbContext(options)
{
    public DbSet<ContentItemRecord> ContentItems => Set<ContentItemRecord>();
    public DbSet<ContentTermRecord> ContentTerms => Set<ContentTermRecord>();
    public DbSet<ChangeLogRecord> ChangeLog => Set<ChangeLogRecord>();
    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();
    public DbSet<UserRecord> Users => Set<UserRecord>();

    /// <summary>Which contributors shaped the model (see <see cref="ContributorModelCacheKeyFactory"/>).</summary>
    internal string ContributorsKey { get; } = string.Join("|", contributors.Select(c => c.GetType().FullName));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var item = modelBuilder.Entity<ContentItemRecord>();
        item.ToTable("ContentItems");
        item.Property(r => r.ContentItemId).HasMaxLength(64);
        item.Property(r => r.ContentItemVersionId).HasMaxLength(64);
        item.Property(r => r.ContentType).HasMaxLength(128);
        item.HasIndex(r => r.ContentItemVersionId).IsUnique();
        // At most one latest and one published version per item, enforced by the database itself.
        item.HasIndex(r => r.ContentItemId).HasFilter("\"Latest\"").IsUnique().HasDatabaseName("IX_ContentItems_Latest");
        item.HasIndex(r => new { r.ContentItemId, r.Published }).HasFilter("\"Published\"").IsUnique().HasDatabaseName("IX_ContentItems_Published");
        // The partial indexes above serve only "Latest" or only "Published" lookups; every other per-item query
        // (all versions of an item, latest-or-published) needs a plain index or SQLite scans the table.
        item.HasIndex(r => r.ContentItemId, "IX_ContentItems_ContentItemId");
        item.HasIndex(r => new { r.ContentType, r.Published, r.PublishedUtc });
        item.HasIndex(r => new { r.Published, r.PublishedUtc });
        item.HasIndex(r => r.Path);
        item.HasIndex(r => r.PublishAtUtc);
        item.HasMany(r => r.Terms).WithOne().HasForeignKey(t => t.ContentItemRecordId).OnDelete(DeleteBehavior.Cascade);

        var term = modelBuilder.Entity<ContentTermRecord>();
        term.ToTable("ContentTerms");
        term.HasIndex(t => new { t.TermContentItemId, t.ContentItemRecordId });

        var log = modelBuilder.Entity<ChangeLogRecord>();
        log.ToTable("ChangeLog");
        log.HasIndex(r => r.ContentItemId);

        var document = modelBuilder.Entity<DocumentRecord>();
        document.ToTable("Documents");
        document.HasKey(d => d.Key);

        var user = modelBuilder.Entity<UserRecord>();
        user.ToTable("Users");
        user.HasIndex(u => u.NormalizedUserName).IsUnique();

        foreach (var contributor in contributors)
        {
            contributor.Configure(modelBuilder);
        }
    }
}
