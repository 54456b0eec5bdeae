using System.Globalization;
using Microsoft.Extensions.Options;
using Portals.Core.Audit;
using Portals.Core.Data;
using Portals.Core.Tenants;

namespace Portals.Admin.Media;

/// <summary>An upload that was stored (<see cref="File"/>) or refused (<see cref="Problem"/>).</summary>
public sealed record MediaUploadResult(MediaFile? File, MediaType? Type, MediaProblem? Problem)
{
    public static MediaUploadResult Refused(MediaRefusal reason, params string[] arguments) => new(null, null, new MediaProblem(reason, arguments));
}

/// <summary>
/// Checks and stores one uploaded file: a safe name, an accepted extension, the size limit of its kind, and content
/// that really is of the type its extension claims (<see cref="MediaTypes.Detect"/>). The body is spooled to a
/// temporary file (deleted on close) and checked there; only a file that passes reaches the store, under a slugged
/// name that never replaces another. The audit row is committed right after the file is stored; if that commit
/// fails the file is removed again, so the library never holds a file the audit log does not show.
/// </summary>
public sealed class MediaUploads(IMediaStore store, TenantDatabase database, IOptions<MediaOptions> options, TimeProvider clock)
{
    /// <summary>Names tried with a -2, -3… suffix before giving up.</summary>
    private const int MaxCopies = 200;

    public async Task<MediaUploadResult> UploadAsync(
        TenantContext tenant, MediaPath folder, string? fileName, Stream body, Func<MediaPath, MediaType, long, AuditEntry> audit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(audit);
        if (MediaNames.IsUnsafe(fileName))
        {
            return MediaUploadResult.Refused(MediaRefusal.UnsafeName, fileName ?? "");
        }
        var name = fileName!.Trim();
        var extension = MediaNames.Extension(name);
        if (MediaTypes.FromExtension(extension) is not { } claimed)
        {
            return MediaUploadResult.Refused(MediaRefusal.TypeNotAllowed, name);
        }
        if (await store.ListAsync(tenant, folder, cancellationToken) is null)
        {
            return MediaUploadResult.Refused(MediaRefusal.FolderNotFound, folder.Value);
        }

        var limit = options.Value.MaxBytes(claimed.Kind);
        await using var spool = new FileStream(
            Path.Combine(Path.GetTempPath(), "portals-upload-" + Guid.NewGuid().ToString("n")), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        if (!await CopyWithinAsync(body, spool, limit, cancellationToken))
        {
            return MediaUploadResult.Refused(MediaRefusal.TooLarge, name, Megabytes(limit), claimed.Label);
        }
        if (spool.Length == 0)
        {
            return MediaUploadResult.Refused(MediaRefusal.Empty, name);
        }
        if (MediaTypes.Detect(spool) != claimed)
        {
            return MediaUploadResult.Refused(MediaRefusal.ContentMismatch, name, "." + extension, claimed.Label);
        }

        for (var copy = 1; copy <= MaxCopies; copy++)
        {
            if (folder.Child(MediaNames.StoredName(name, claimed, copy), file: true) is not { } path)
            {
                break;
            }
            spool.Position = 0;
            if (await store.AddFileAsync(tenant, path, spool, cancellationToken) is { } stored)
            {
                await AuditOrUndoAsync(tenant, path, audit(path, claimed, stored.Length), cancellationToken);
                return new MediaUploadResult(stored, claimed, null);
            }
        }
        return MediaUploadResult.Refused(MediaRefusal.NameTaken, name);
    }

    private async Task AuditOrUndoAsync(TenantContext tenant, MediaPath path, AuditEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = database.Open(tenant);
            AuditLog.Add(db, entry, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await store.DeleteFileAsync(tenant, path, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes; false (and the copy stopped) as soon as the body is longer.</summary>
    private static async Task<bool> CopyWithinAsync(Stream body, Stream target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return false;
            }
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        await target.FlushAsync(cancellationToken);
        return true;
    }

    public static string Megabytes(long bytes) => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture);
}
