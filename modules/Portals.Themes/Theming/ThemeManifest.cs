namespace Portals.Themes.Theming;

/// <summary>
/// A theme's <c>theme.json</c>: who the portal is, as its header and footer say it. Colours live in the theme's
/// <c>theme.css</c>; every other template falls back to the shared ones in <c>modules/Portals.Themes/Templates</c>.
/// </summary>
public sealed record ThemeManifest(
    string Name,
    string ProvinceName,
    string LogoText,
    string LogoSubtext,
    string SectionTitle,
    string ThemeColor);
