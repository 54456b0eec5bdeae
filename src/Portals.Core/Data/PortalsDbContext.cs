using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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

    /// <summary>Set by <see cref="TenantDatabase.Open"/>; null only for design-time contexts.</summary>
    internal IDatabaseProvider? Provider { get; init; }

    /// <summary>
    /// Starts a transaction holding the tenant's single-writer lock until it ends (see
    /// <see cref="IDatabaseProvider.BeginWriteAsync"/>). Content sessions use it; any unit of work that must read
    /// and then write consistently across nodes should too.
    /// </summary>
    public Task<IDbContextTransaction> BeginWriteAsync(CancellationToken cancellationToken) =>
        Provider?.BeginWriteAsync(this, cancellationToken) ?? Database.BeginTransactionAsync(cancellationToken);

    /// <summary>Every date column holds UTC, and reads come back as <see cref="DateTimeKind.Utc"/> on every provider.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

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
        // Public lists read published versions in one of their sort orders, with the id breaking ties: with these
        // partial indexes a page is read in index order (never a sort of every match), and offsets and capped counts
        // walk the index alone, so a list costs the same for 1k or 100k items (ContentReadSql).
        item.HasIndex(r => new { r.ContentType, r.PublishedUtc, r.Id }, "IX_ContentItems_PublishedByType").HasFilter("\"Published\"");
        item.HasIndex(r => new { r.PublishedUtc, r.Id }, "IX_ContentItems_PublishedByDate").HasFilter("\"Published\"");
        item.HasIndex(r => new { r.ContentType, r.ModifiedUtc, r.Id }, "IX_ContentItems_PublishedByModified").HasFilter("\"Published\"");
        item.HasIndex(r => new { r.ContentType, r.DisplayTextFolded, r.Id }, "IX_ContentItems_PublishedByTitle").HasFilter("\"Published\"");
        item.HasIndex(r => r.Path);
        // Paths are unique among latest versions, so two concurrent creates with one title cannot both take it.
        item.HasIndex(r => r.Path, "IX_ContentItems_LatestPath").HasFilter("\"Latest\"").IsUnique();
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
        if (Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // Byte order, as SQLite compares: the folded title sorts and the path matches the same on both providers,
            // whatever locale the database was created with.
            item.Property(r => r.DisplayTextFolded).UseCollation("C");
            item.Property(r => r.Path).UseCollation("C");
        }
    }
}

/// <summary>
/// Stores UTC whatever the kind of the value (PostgreSQL's <c>timestamptz</c> accepts only UTC), and reads it back as UTC.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
