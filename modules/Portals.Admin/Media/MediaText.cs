namespace Portals.Admin;

/// <summary>
/// Marker of the texts of the media library, the media picker and the API-client page:
/// <c>IStringLocalizer&lt;MediaText&gt;</c> reads <c>Resources/MediaText.resx</c> (Vietnamese) and
/// <c>Resources/MediaText.en.resx</c>; views use it as <c>M["Key"]</c>. Kept apart from <see cref="AdminText"/> so
/// work on these screens merges without touching the shared file; a test checks both files have the same keys.
/// </summary>
public sealed class MediaText;
