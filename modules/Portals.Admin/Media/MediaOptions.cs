using Microsoft.Extensions.Options;

namespace Portals.Admin.Media;

/// <summary><c>Portals:Media</c>: upload limits and how long browsers and proxies may keep a served file.</summary>
public sealed class MediaOptions
{
    public const string Section = "Portals:Media";

    public long MaxImageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>PDF and DOCX.</summary>
    public long MaxDocumentBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>
    /// <c>Cache-Control: max-age</c> of served files. Uploads never overwrite a name (a new file gets a suffix), but a
    /// file deleted and uploaded again under the same name may be seen old by a cache for this long.
    /// </summary>
    public int CacheSeconds { get; set; } = 30 * 24 * 60 * 60;

    public long MaxBytes(MediaKind kind) => kind == MediaKind.Image ? MaxImageBytes : MaxDocumentBytes;

    /// <summary>The largest upload of any type: the request body limit of the upload handler (plus the form's own bytes).</summary>
    public long MaxUploadBytes => Math.Max(MaxImageBytes, MaxDocumentBytes);
}

internal sealed class MediaOptionsValidator : IValidateOptions<MediaOptions>
{
    private const long Gigabyte = 1024L * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, MediaOptions options)
    {
        var failures = new List<string>();
        if (options.MaxImageBytes is < 1024 or > Gigabyte)
        {
            failures.Add($"{MediaOptions.Section}:MaxImageBytes must be between 1 KB and 1 GB.");
        }
        if (options.MaxDocumentBytes is < 1024 or > Gigabyte)
        {
            failures.Add($"{MediaOptions.Section}:MaxDocumentBytes must be between 1 KB and 1 GB.");
        }
        if (options.CacheSeconds is < 0 or > 365 * 24 * 60 * 60)
        {
            failures.Add($"{MediaOptions.Section}:CacheSeconds must be between 0 and one year (31536000).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
