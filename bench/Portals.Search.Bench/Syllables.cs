using System.Globalization;
using System.Text;

namespace Portals.Search.Bench;

/// <summary>
/// A Vietnamese syllable inventory built combinatorially: onset × rhyme × tone, with the spelling rules that matter
/// (k/gh/ngh before i, e, ê; only sắc and nặng on rhymes ending in c, ch, p, t) and the tone mark on the vowel the
/// modern orthography puts it on. Several thousand distinct written syllables, as real text uses.
/// </summary>
internal static class Syllables
{
    private static readonly string[] Onsets =
        ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"];

    private static readonly string[] Rhymes =
    [
        "a", "ai", "an", "ang", "anh", "ao", "au", "ay", "ac", "ach", "at", "ap", "am", "ăn", "ăng", "ăc", "ăt", "ăm",
        "âm", "ân", "âng", "âu", "ây", "ât", "âc", "e", "em", "en", "eo", "et", "ec", "ê", "êm", "ên", "ênh", "êu", "êt", "êch",
        "i", "ia", "im", "in", "inh", "iu", "ich", "it", "iêu", "iên", "iêng", "iêt", "iêm", "o", "oa", "oai", "oan", "oang",
        "oanh", "oc", "oi", "om", "on", "ong", "ot", "oach", "ô", "ôi", "ôm", "ôn", "ông", "ôc", "ôt", "ơ", "ơi", "ơm", "ơn", "ơt",
        "u", "ua", "uân", "uây", "ui", "um", "un", "ung", "uôi", "uôn", "uông", "uôc", "uy", "uyên", "uyêt", "uc", "ut", "uya",
        "ư", "ưa", "ưi", "ưng", "ưc", "ươi", "ương", "ươn", "ươc", "ươt", "ưu", "ươu",
    ];

    // none, huyền, sắc, hỏi, ngã, nặng as combining marks, composed afterwards (NFC).
    private static readonly string[] Tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
    private const string Vowels = "aăâeêioôơuưy";
    private const string MarkedVowels = "ăâêôơư";

    /// <summary>Every syllable of the inventory, in a fixed shuffled order (seeded), none of whose folded forms is in <paramref name="reserved"/>.</summary>
    public static string[] Inventory(int seed, ISet<string> reserved)
    {
        var all = new List<string>();
        foreach (var onset in Onsets)
        {
            foreach (var rhyme in Rhymes)
            {
                if (!Allowed(onset, rhyme))
                {
                    continue;
                }

                var stop = rhyme.EndsWith('c') || rhyme.EndsWith("ch", StringComparison.Ordinal) || rhyme.EndsWith('p') || rhyme.EndsWith('t');
                foreach (var tone in Tones)
                {
                    if (stop && tone is not ("\u0301" or "\u0323"))
                    {
                        continue;
                    }

                    var syllable = onset + Mark(rhyme, tone);
                    if (!reserved.Contains(Fold(syllable)))
                    {
                        all.Add(syllable);
                    }
                }
            }
        }

        var distinct = all.Distinct(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(distinct);
        return distinct;
    }

    /// <summary>Lower case without diacritics (đ → d): how the folded search field sees a syllable.</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c == 'đ' ? 'd' : c);
            }
        }

        return sb.ToString();
    }

    private static bool Allowed(string onset, string rhyme)
    {
        var front = rhyme[0] is 'i' or 'e' or 'ê';
        if (onset is "k" or "gh" or "ngh")
        {
            return front;
        }

        if (onset is "c" or "g" or "ng" or "q")
        {
            return !front;
        }

        // qu already carries the u glide; gi already carries the i.
        return !(onset == "qu" && rhyme[0] is 'u' or 'o') && !(onset == "gi" && rhyme[0] == 'i');
    }

    private static string Mark(string rhyme, string tone)
    {
        if (tone.Length == 0)
        {
            return rhyme;
        }

        var positions = Enumerable.Range(0, rhyme.Length).Where(i => Vowels.Contains(rhyme[i], StringComparison.Ordinal)).ToArray();
        var marked = positions.Where(i => MarkedVowels.Contains(rhyme[i], StringComparison.Ordinal)).ToArray();
        int at;
        if (marked.Length > 0)
        {
            at = marked[^1];
        }
        else if (positions[^1] < rhyme.Length - 1)
        {
            at = positions[^1]; // a final consonant: the last vowel
        }
        else if (positions.Length == 2)
        {
            at = rhyme is "oa" or "oe" or "uy" ? positions[1] : positions[0];
        }
        else
        {
            at = positions[positions.Length / 2];
        }

        return (rhyme[..(at + 1)] + tone + rhyme[(at + 1)..]).Normalize(NormalizationForm.FormC);
    }
}
