using Portals.Core.Tenants;

namespace Portals.Admin.Media;

/// <summary>
/// A tenant's media files and folders. The tenant is explicit on every call and an implementation keeps each
/// tenant's files apart (the file system one: under <c>{DataPath}/Sites/{tenant}/Media</c>). Paths are
/// <see cref="MediaPath"/>s, valid by construction. Another store (a shared volume or an object store, for several
/// nodes) implements this interface and passes <c>MediaStoreContract</c> in the tests.
/// </summary>
public interface IMediaStore
{
    /// <summary>The folder's direct subfolders and files, each sorted by name; null when the folder does not exist (the root always does).</summary>
    Task<MediaListing?> ListAsync(TenantContext tenant, MediaPath folder, CancellationToken cancellationToken);

    /// <summary>The file's size, time and entity tag; null when there is no such file.</summary>
    Task<MediaFile?> GetFileAsync(TenantContext tenant, MediaPath file, CancellationToken cancellationToken);

    /// <summary>The file's content with its description; null when there is no such file. The caller disposes the stream.</summary>
    Task<MediaContent?> OpenReadAsync(TenantContext tenant, MediaPath file, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new file with the content (read from its current position), creating missing parent folders. Null,
    /// with nothing written, when the name is already taken by a file or folder: a file is never replaced. Readers see
    /// the whole file or nothing, also when the content stream fails part-way.
    /// </summary>
    Task<MediaFile?> AddFileAsync(TenantContext tenant, MediaPath file, Stream content, CancellationToken cancellationToken);

    /// <summary>False when there was no such file.</summary>
    Task<bool> DeleteFileAsync(TenantContext tenant, MediaPath file, CancellationToken cancellationToken);

    /// <summary>Creates the folder and its missing parents; false when the name is already taken.</summary>
    Task<bool> CreateFolderAsync(TenantContext tenant, MediaPath folder, CancellationToken cancellationToken);

    /// <summary>Deletes an empty folder; a folder that still holds files or folders is left as it is.</summary>
    Task<MediaFolderDeletion> DeleteFolderAsync(TenantContext tenant, MediaPath folder, CancellationToken cancellationToken);
}

/// <summary>A stored file. <see cref="ETag"/> is a quoted strong entity tag that changes whenever the content may have.</summary>
public sealed record MediaFile(MediaPath Path, long Length, DateTimeOffset LastModified, string ETag);

public sealed record MediaListing(MediaPath Folder, IReadOnlyList<MediaPath> Folders, IReadOnlyList<MediaFile> Files);

public sealed record MediaContent(MediaFile File, Stream Stream) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Stream.DisposeAsync();
}

public enum MediaFolderDeletion
{
    Deleted,
    NotFound,
    NotEmpty,
}
