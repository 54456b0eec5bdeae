using Microsoft.Extensions.Localization;

[assembly: ResourceLocation("Resources")]

namespace Portals.Admin;

/// <summary>
/// Marker of the admin's texts: <c>IStringLocalizer&lt;AdminText&gt;</c> reads <c>Resources/AdminText.resx</c>
/// (Vietnamese, the neutral language) and <c>Resources/AdminText.en.resx</c>. Keys are ids such as <c>Nav.Users</c>;
/// a test checks both files have the same keys.
/// </summary>
public sealed class AdminText;
