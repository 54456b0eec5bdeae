using Portals.Core.Content;

namespace Portals.Admin.Media;

/// <summary>
/// Names of stored files and folders: slugs folded the way content paths are (<see cref="VietnameseText.Slugify"/>:
/// "Kế hoạch Quốc lộ 61C.pdf" is stored as <c>ke-hoach-quoc-lo-61c.pdf</c>), with the extension of the type the
/// content was recognised as.
/// </summary>
public static class MediaNames
{
    public const int MaxStemLength = 80;

    /// <summary>What a file is stored as when its name has no letter or digit to keep.</summary>
    public const string FallbackStem = "tep";

    /// <summary>
    /// A browser sends a file's bare name. A name holding a path (separators, <c>..</c> as a segment, their
    /// percent-encoded forms, a drive) or control characters is an attempt to write elsewhere or a broken client:
    /// it is refused, not repaired.
    /// </summary>
    public static bool IsUnsafe(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 255 || name.Any(char.IsControl))
        {
            return true;
        }
        return name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal)
            || name.Contains(':', StringComparison.Ordinal) || name.Trim() is "." or ".."
            || name.Contains("%2f", StringComparison.OrdinalIgnoreCase) || name.Contains("%5c", StringComparison.OrdinalIgnoreCase)
            || name.Contains("%2e%2e", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The extension as sent, lower-case, without the dot ("" when there is none).</summary>
    public static string Extension(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? "" : name[(dot + 1)..].Trim().ToLowerInvariant();
    }

    /// <summary><c>Báo cáo sơ kết (lần 2).PDF</c> as a PDF: <c>bao-cao-so-ket-lan-2.pdf</c>; with <paramref name="copy"/> 2: <c>…-lan-2-2.pdf</c>.</summary>
    public static string StoredName(string originalName, MediaType type, int copy = 1)
    {
        var dot = originalName.LastIndexOf('.');
        var stem = VietnameseText.Slugify(dot < 0 ? originalName : originalName[..dot], MaxStemLength);
        if (stem.Length == 0)
        {
            stem = FallbackStem;
        }
        return copy > 1 ? $"{stem}-{copy}.{type.Extension}" : $"{stem}.{type.Extension}";
    }

    /// <summary>A folder name as typed ("Tài liệu hội nghị") as a path segment (<c>tai-lieu-hoi-nghi</c>); "" when nothing is left.</summary>
    public static string FolderName(string? typed) => VietnameseText.Slugify(typed, 60);
}
