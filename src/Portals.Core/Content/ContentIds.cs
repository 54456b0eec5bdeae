using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Portals.Core.Content;

/// <summary>Content item and version ids: 26 lowercase base-32 characters, like Orchard Core's.</summary>
public static partial class ContentIds
{
    /// <summary>The ids accepted from clients and recipes, as a regular expression (also the OpenAPI pattern).</summary>
    public const string Pattern = "^[A-Za-z0-9_-]{1,64}$";

    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[26];
        RandomNumberGenerator.Fill(bytes);
        return string.Create(26, bytes.ToArray(), static (chars, source) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[source[i] & 31];
            }
        });
    }

    /// <summary>Ids accepted from clients and recipes: letters, digits, '-' and '_', at most 64.</summary>
    public static bool IsValid(string? id) => id is not null && ValidId().IsMatch(id);

    [GeneratedRegex(Pattern)]
    private static partial Regex ValidId();
}
