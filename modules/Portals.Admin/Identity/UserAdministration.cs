using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Portals.Admin.Identity;

/// <summary>Rules shared by the user pages.</summary>
public static partial class UserAdministration
{
    public const int MaxUserNameLength = 64;

    /// <summary>A new stamp invalidates every session cookie issued with the old one.</summary>
    public static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>The resource key of what is wrong with a user name, or null.</summary>
    public static string? CheckUserName(string? userName) =>
        string.IsNullOrWhiteSpace(userName) ? "Users.NameRequired"
        : userName.Trim().Length is < 2 or > MaxUserNameLength || !UserNamePattern().IsMatch(userName.Trim()) ? "Users.NameInvalid"
        : null;

    /// <summary>Latin letters, digits and . _ - @ only: user names are typed on any keyboard and appear in logs.</summary>
    [GeneratedRegex("^[A-Za-z0-9._@-]+$")]
    private static partial Regex UserNamePattern();
}
