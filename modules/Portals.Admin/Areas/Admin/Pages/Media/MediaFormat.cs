using System.Globalization;

namespace Portals.Admin.Areas.Admin.Pages.Media;

internal static class MediaFormat
{
    /// <summary>"840 KB", "2,4 MB" (in the page's culture).</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Format(CultureInfo.CurrentCulture, "{0:0} KB", Math.Max(1, Math.Ceiling(bytes / 1024d)))
        : string.Format(CultureInfo.CurrentCulture, "{0:0.#} MB", bytes / (1024d * 1024));
}
