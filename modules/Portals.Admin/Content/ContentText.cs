namespace Portals.Admin;

/// <summary>
/// Marker of the content workspace's texts (lists, editors, workflow, history, sectors, dashboard):
/// <c>IStringLocalizer&lt;ContentText&gt;</c> reads <c>Resources/ContentText.resx</c> (Vietnamese) and
/// <c>Resources/ContentText.en.resx</c>; views use it as <c>C["Key"]</c>. A test checks both files have the same keys
/// and every key used.
/// </summary>
public sealed class ContentText;
