using Portals.Core.Audit;
using Portals.Core.Data;
using Portals.Core.Tenants;

namespace Portals.Admin.Media;

/// <summary>
/// Folder and delete operations of a tenant's library. A delete and its audit row are one unit: the row is saved in
/// an open transaction (which holds the tenant database's write lock), the file is deleted, then the transaction
/// commits; when there was nothing to delete it rolls back and nothing is logged.
/// </summary>
public sealed class MediaLibrary(IMediaStore store, TenantDatabase database, TimeProvider clock)
{
    /// <summary>A folder named from what the user typed (slugged), inside <paramref name="parent"/>.</summary>
    public async Task<(MediaPath? Folder, MediaProblem? Problem)> CreateFolderAsync(
        TenantContext tenant, MediaPath parent, string? typedName, CancellationToken cancellationToken)
    {
        var slug = MediaNames.FolderName(typedName);
        if (slug.Length == 0 || parent.Child(slug, file: false) is not { } folder)
        {
            return (null, new MediaProblem(MediaRefusal.FolderNameInvalid, typedName ?? ""));
        }
        if (await store.ListAsync(tenant, parent, cancellationToken) is null)
        {
            return (null, new MediaProblem(MediaRefusal.FolderNotFound, parent.Value));
        }
        return await store.CreateFolderAsync(tenant, folder, cancellationToken)
            ? (folder, null)
            : (null, new MediaProblem(MediaRefusal.FolderExists, folder.Name));
    }

    public async Task<MediaProblem?> DeleteFileAsync(TenantContext tenant, MediaPath file, AuditEntry audit, CancellationToken cancellationToken)
    {
        var deleted = await AuditedAsync(tenant, audit, () => store.DeleteFileAsync(tenant, file, cancellationToken), cancellationToken);
        return deleted ? null : new MediaProblem(MediaRefusal.FileNotFound, file.Value);
    }

    public async Task<MediaProblem?> DeleteFolderAsync(TenantContext tenant, MediaPath folder, AuditEntry audit, CancellationToken cancellationToken)
    {
        var outcome = MediaFolderDeletion.NotFound;
        await AuditedAsync(tenant, audit, async () =>
        {
            outcome = await store.DeleteFolderAsync(tenant, folder, cancellationToken);
            return outcome == MediaFolderDeletion.Deleted;
        }, cancellationToken);
        return outcome switch
        {
            MediaFolderDeletion.Deleted => null,
            MediaFolderDeletion.NotEmpty => new MediaProblem(MediaRefusal.FolderNotEmpty, folder.Name),
            _ => new MediaProblem(MediaRefusal.FolderNotFound, folder.Value),
        };
    }

    private async Task<bool> AuditedAsync(TenantContext tenant, AuditEntry audit, Func<Task<bool>> change, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        AuditLog.Add(db, audit, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        if (!await change())
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
