using System.Text;

namespace Portals.Search.Lucene;

/// <summary>
/// Brings any string to NFC so composed and decomposed Vietnamese (phones and Macs send NFD) index and match alike.
/// ASCIIFoldingFilter only folds precomposed letters, so this runs before every analysis, at index and query time.
/// </summary>
internal static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var clean = NeedsCleaning(text) ? Clean(text) : text;
        return clean.IsNormalized(NormalizationForm.FormC) ? clean : clean.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Cuts at most <paramref name="maxLength"/> chars without splitting a surrogate pair.</summary>
    public static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..cut];
    }

    // string.Normalize throws on lone surrogates, and control characters only confuse snippets; both become spaces.
    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                return true;
            }
        }

        return false;
    }

    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                sb.Append(' ');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
