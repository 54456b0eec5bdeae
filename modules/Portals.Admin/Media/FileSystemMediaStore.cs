using System.Globalization;
using Portals.Core.Tenants;

namespace Portals.Admin.Media;

/// <summary>
/// Media in the tenant's data folder: <c>{DataPath}/Sites/{tenant}/Media/{path}</c>. A new file is written to
/// <c>Media/.staging</c> and then moved to its name with <c>File.Move(overwrite: false)</c>, which on Linux is a
/// hard link + unlink (atomic, fails when the name exists) and on Windows a non-replacing rename: readers see whole
/// files only and two uploads never replace each other, also across processes on one volume. Every node serving
/// the same tenant must see the same folder (one machine, or a shared volume); otherwise use another
/// <see cref="IMediaStore"/>.
/// </summary>
public sealed class FileSystemMediaStore : IMediaStore
{
    public const string FolderName = "Media";
    private const string StagingFolder = ".staging";

    public Task<MediaListing?> ListAsync(TenantContext tenant, MediaPath folder, CancellationToken cancellationToken)
    {
        var full = FullPath(tenant, folder);
        if (!Directory.Exists(full))
        {
            return Task.FromResult(folder.IsRoot ? new MediaListing(folder, [], []) : null);
        }
        var directory = new DirectoryInfo(full);
        var folders = directory.EnumerateDirectories()
            .Select(d => folder.Child(d.Name, file: false))
            .OfType<MediaPath>()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        var files = directory.EnumerateFiles()
            .Select(f => folder.Child(f.Name, file: true) is { } path ? Describe(path, f) : null)
            .OfType<MediaFile>()
            .OrderBy(f => f.Path.Name, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<MediaListing?>(new MediaListing(folder, folders, files));
    }

    public Task<MediaFile?> GetFileAsync(TenantContext tenant, MediaPath file, CancellationToken cancellationToken)
    {
        var info = new FileInfo(FullPath(tenant, file));
        return Task.FromResult(file.IsFile && info.Exists ? Describe(file, info) : null);
    }

    public Task<MediaContent?> OpenReadAsync(TenantContext tenant, MediaPath file, CancellationToken cancellationToken)
    {
        if (!file.IsFile)
        {
            return Task.FromResult<MediaContent?>(null);
        }
        FileStream stream;
        try
        {
            // Delete sharing: a file may be deleted while someone downloads it (the download finishes).
            stream = new FileStream(FullPath(tenant, file), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<MediaContent?>(null);
        }
        // Described from the open handle: the description always matches the bytes served.
        var modified = File.GetLastWriteTimeUtc(stream.SafeFileHandle);
        var described = new MediaFile(file, stream.Length, modified, ETag(stream.Length, modified));
        return Task.FromResult<MediaContent?>(new MediaContent(described, stream));
    }

    public async Task<MediaFile?> AddFileAsync(TenantContext tenant, MediaPath file, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!file.IsFile)
        {
            throw new ArgumentException($"'{file}' is not a file path.", nameof(file));
        }
        var target = FullPath(tenant, file);
        if (File.Exists(target))
        {
            return null;
        }
        var staging = Path.Combine(Root(tenant), StagingFolder);
        Directory.CreateDirectory(staging);
        var temporary = Path.Combine(staging, Guid.NewGuid().ToString("n") + ".part");
        try
        {
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await content.CopyToAsync(output, cancellationToken);
                output.Flush(flushToDisk: true);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Move(temporary, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                return null;
            }
            return Describe(file, new FileInfo(target));
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<bool> DeleteFileAsync(TenantContext tenant, MediaPath file, CancellationToken cancellationToken)
    {
        var full = FullPath(tenant, file);
        if (!file.IsFile || !File.Exists(full))
        {
            return Task.FromResult(false);
        }
        File.Delete(full);
        return Task.FromResult(true);
    }

    public Task<bool> CreateFolderAsync(TenantContext tenant, MediaPath folder, CancellationToken cancellationToken)
    {
        var full = FullPath(tenant, folder);
        if (folder.IsFile || Directory.Exists(full))
        {
            return Task.FromResult(false);
        }
        Directory.CreateDirectory(full);
        return Task.FromResult(true);
    }

    public Task<MediaFolderDeletion> DeleteFolderAsync(TenantContext tenant, MediaPath folder, CancellationToken cancellationToken)
    {
        if (folder.IsRoot || folder.IsFile)
        {
            throw new ArgumentException("Only a folder below the root can be deleted.", nameof(folder));
        }
        var full = FullPath(tenant, folder);
        if (!Directory.Exists(full))
        {
            return Task.FromResult(MediaFolderDeletion.NotFound);
        }
        if (Directory.EnumerateFileSystemEntries(full).Any())
        {
            return Task.FromResult(MediaFolderDeletion.NotEmpty);
        }
        try
        {
            // Not recursive: a file added since the check above makes this fail instead of being lost.
            Directory.Delete(full, recursive: false);
        }
        catch (IOException) when (Directory.Exists(full))
        {
            return Task.FromResult(MediaFolderDeletion.NotEmpty);
        }
        return Task.FromResult(MediaFolderDeletion.Deleted);
    }

    private static string Root(TenantContext tenant) => Path.Combine(tenant.DataFolder, FolderName);

    /// <summary>MediaPath segments cannot climb out; the check is a second lock on the same door.</summary>
    private static string FullPath(TenantContext tenant, MediaPath path)
    {
        var root = Path.GetFullPath(Root(tenant));
        var full = Path.GetFullPath(Path.Combine([root, .. path.Segments]));
        if (!path.IsRoot && !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Media path '{path}' resolves outside the tenant's media folder.");
        }
        return full;
    }

    private static MediaFile Describe(MediaPath path, FileInfo info) =>
        new(path, info.Length, info.LastWriteTimeUtc, ETag(info.Length, info.LastWriteTimeUtc));

    private static string ETag(long length, DateTimeOffset modified) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{length:x}-{modified.UtcTicks:x}\"");
}
