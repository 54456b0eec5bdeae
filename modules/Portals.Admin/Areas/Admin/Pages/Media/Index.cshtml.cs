using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portals.Admin.Media;
using Portals.Core.Audit;

namespace Portals.Admin.Areas.Admin.Pages.Media;

/// <summary>
/// The tenant's media library at <c>/admin/media?folder=…</c>: browse folders, upload (the form posts to
/// <see cref="UploadModel"/>), create and delete folders, delete files; <c>?handler=List</c> is the picker's JSON view.
/// </summary>
public sealed class IndexModel(IMediaStore store, MediaLibrary library, IOptions<MediaOptions> options, ILogger<IndexModel> logger) : MediaPageModel
{
    public MediaListing Listing { get; private set; } = new(MediaPath.Root, [], []);

    public MediaOptions Limits => options.Value;

    /// <summary>A file just uploaded by the page's form (<c>?uploaded=…</c>), announced above the list.</summary>
    public MediaFile? Uploaded { get; private set; }

    public string? Error { get; private set; }

    public string? FolderError { get; private set; }

    public string? NewFolderName { get; private set; }

    /// <summary>Set by <see cref="UploadModel"/> when an upload without script was refused.</summary>
    [TempData(Key = UploadModel.ErrorKey)]
    public string? UploadError { get; set; }

    public async Task<IActionResult> OnGetAsync(string? folder, string? uploaded)
    {
        if (!await LoadAsync(folder))
        {
            return NotFound();
        }
        if (MediaPath.ParseFile(uploaded) is { } file && file.Parent == Listing.Folder)
        {
            Uploaded = Listing.Files.FirstOrDefault(f => f.Path == file);
        }
        Error = UploadError;
        return Page();
    }

    /// <summary>The folder as JSON for the media picker: its path, breadcrumb, subfolders and files with their URLs.</summary>
    public async Task<IActionResult> OnGetListAsync(string? folder)
    {
        if (!await LoadAsync(folder))
        {
            return NotFound();
        }
        return new JsonResult(new MediaFolderJson(
            Listing.Folder.Value,
            Crumbs().Select(c => new MediaNameJson(c.Name, c.Value)).ToList(),
            Listing.Folders.Select(f => new MediaNameJson(f.Name, f.Value)).ToList(),
            Listing.Files.Select(f => new MediaFileJson(f.Path.Name, f.Path.Value, FileUrl(f.Path), MediaFormat.Size(f.Length),
                MediaTypes.Of(f.Path)?.Label ?? "", MediaTypes.Of(f.Path)?.Kind == MediaKind.Image)).ToList()));
    }

    public async Task<IActionResult> OnPostFolderAsync(string? folder, string? name)
    {
        if (MediaPath.ParseFolder(folder) is not { } parent)
        {
            return NotFound();
        }
        var (created, problem) = await library.CreateFolderAsync(Tenant, parent, name, HttpContext.RequestAborted);
        if (created is null)
        {
            await LoadAsync(folder);
            NewFolderName = name;
            FolderError = Message(problem!);
            return Page();
        }
        StatusMessage = M["Media.FolderCreated", created.Name];
        return RedirectToPage(new { folder = created.Value });
    }

    public async Task<IActionResult> OnPostDeleteFileAsync(string? path)
    {
        if (!CanDelete)
        {
            return Denied();
        }
        if (MediaPath.ParseFile(path) is not { } file)
        {
            return NotFound();
        }
        var problem = await library.DeleteFileAsync(Tenant, file, AuditEntry(AuditActions.MediaDeleted, Subject(file)), HttpContext.RequestAborted);
        return await AfterChangeAsync(file, problem, "Media.FileDeleted");
    }

    public async Task<IActionResult> OnPostDeleteFolderAsync(string? path)
    {
        if (!CanDelete)
        {
            return Denied();
        }
        if (MediaPath.ParseFolder(path) is not { IsRoot: false } folder)
        {
            return NotFound();
        }
        var entry = AuditEntry(AuditActions.MediaDeleted, Subject(folder) + "/", "folder");
        var problem = await library.DeleteFolderAsync(Tenant, folder, entry, HttpContext.RequestAborted);
        return await AfterChangeAsync(folder, problem, "Media.FolderDeleted");
    }

    public string FileUrl(MediaPath file) => MediaEndpoints.Url(HttpContext, file);

    /// <summary>The folders from the root to the current one, for the breadcrumb.</summary>
    public IEnumerable<MediaPath> Crumbs()
    {
        for (var i = 1; i <= Listing.Folder.Segments.Count; i++)
        {
            yield return MediaPath.ParseFolder(string.Join('/', Listing.Folder.Segments.Take(i)))!;
        }
    }

    /// <summary>The audit subject of a file or folder: <c>media:tai-lieu/ke-hoach.pdf</c>.</summary>
    public static string Subject(MediaPath path) => "media:" + path.Value;

    private async Task<IActionResult> AfterChangeAsync(MediaPath changed, MediaProblem? problem, string doneKey)
    {
        if (problem is not null)
        {
            await LoadAsync(changed.Parent.Value);
            Error = Message(problem);
            return Page();
        }
        AdminLog.MediaChanged(logger, CurrentUser.UserName, Tenant.Name, AuditActions.MediaDeleted, changed.Value);
        StatusMessage = M[doneKey, changed.Name];
        return RedirectToPage(new { folder = changed.Parent.Value });
    }

    private async Task<bool> LoadAsync(string? folder)
    {
        if (MediaPath.ParseFolder(folder) is not { } path
            || await store.ListAsync(Tenant, path, HttpContext.RequestAborted) is not { } listing)
        {
            return false;
        }
        Listing = listing;
        return true;
    }

    private sealed record MediaFolderJson(string Folder, IReadOnlyList<MediaNameJson> Crumbs, IReadOnlyList<MediaNameJson> Folders, IReadOnlyList<MediaFileJson> Files);

    private sealed record MediaNameJson(string Name, string Path);

    private sealed record MediaFileJson(string Name, string Path, string Url, string Size, string Type, bool Image);
}
