using System.Text.RegularExpressions;

namespace Portals.Admin.Areas.Admin.Pages.ApiClients;

/// <summary>The form's own checks, the same rules as <c>Portals.Core.Security.ApiClients</c>, with messages in the page's language.</summary>
internal static partial class ApiClientInput
{
    public static bool IsValidId(string clientId) => ClientIdPattern().IsMatch(clientId);

    public static bool IsValidName(string displayName) =>
        displayName.Length is > 0 and <= 200 && !displayName.Any(char.IsControl);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\z")]
    private static partial Regex ClientIdPattern();
}
