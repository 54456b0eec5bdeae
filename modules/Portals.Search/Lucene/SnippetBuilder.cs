using System.Text;

namespace Portals.Search.Lucene;

/// <summary>
/// Builds the HTML snippet of a hit: the body window with the most distinct query words, escaped, with &lt;mark&gt;
/// around each word whose folded form is a folded query word, so "can tho" marks "Cần Thơ". Offsets come from the
/// folded analyzer run over the stored NFC text, so marks land on the original characters, diacritics intact.
/// </summary>
internal static class SnippetBuilder
{
    public const int WindowLength = 220;
    private const int LeadingContext = 40;
    private const int MaxAnalyzedLength = 50_000;
    private const int MaxAnalyzedTokens = 10_000;

    public static string Build(string summary, string body, HashSet<string>? foldedTerms)
    {
        if (foldedTerms is { Count: > 0 })
        {
            foreach (var text in new[] { body, summary })
            {
                var snippet = Marked(text, foldedTerms);
                if (snippet is not null)
                {
                    return snippet;
                }
            }
        }

        // Nothing to mark (filter-only listing, or the match was in the title): the start of the summary or body.
        var start = summary.Length > 0 ? summary : body;
        return Escape(start, 0, CutEnd(start, 0, WindowLength));
    }

    private static string? Marked(string text, HashSet<string> terms)
    {
        var analyzed = TextNormalizer.Truncate(text, MaxAnalyzedLength);
        // Lower-cased in one call (same length, so the offsets hold for the original text), then folded token by token.
        var hits = VietnameseAnalyzers.Matches(VietnameseAnalyzers.FoldedOfLowered, analyzed.ToLowerInvariant(), terms, MaxAnalyzedTokens);
        if (hits.Count == 0)
        {
            return null;
        }

        var best = BestWindowStart(hits);
        var start = CutStart(text, Math.Max(0, hits[best].Start - LeadingContext), hits[best].Start);
        var end = CutEnd(text, start, WindowLength);

        var sb = new StringBuilder(WindowLength + 64);
        if (start > 0)
        {
            sb.Append('…');
        }

        var position = start;
        foreach (var hit in hits)
        {
            if (hit.Start < position || hit.End > end)
            {
                continue;
            }

            AppendEscaped(sb, text, position, hit.Start);
            sb.Append("<mark>");
            AppendEscaped(sb, text, hit.Start, hit.End);
            sb.Append("</mark>");
            position = hit.End;
        }

        AppendEscaped(sb, text, position, end);
        if (end < text.Length)
        {
            sb.Append('…');
        }

        return sb.ToString();
    }

    /// <summary>Index of the hit that starts the window holding the most distinct terms (two pointers, linear).</summary>
    private static int BestWindowStart(List<(string Term, int Start, int End)> hits)
    {
        var inWindow = new Dictionary<string, int>(StringComparer.Ordinal);
        int best = 0, bestDistinct = 0, right = 0;
        for (var left = 0; left < hits.Count; left++)
        {
            var limit = hits[left].Start + WindowLength - LeadingContext;
            for (; right < hits.Count && hits[right].End <= limit; right++)
            {
                inWindow[hits[right].Term] = inWindow.GetValueOrDefault(hits[right].Term) + 1;
            }

            if (inWindow.Count > bestDistinct)
            {
                (best, bestDistinct) = (left, inWindow.Count);
            }

            if (right > left && --inWindow[hits[left].Term] == 0)
            {
                inWindow.Remove(hits[left].Term);
            }
            else if (right <= left)
            {
                right = left + 1;
            }
        }

        return best;
    }

    /// <summary>Moves the window start forward to a word start, but never past the first hit.</summary>
    private static int CutStart(string text, int start, int firstHit)
    {
        if (start == 0)
        {
            return 0;
        }

        var space = text.IndexOf(' ', start, firstHit - start);
        return space < 0 ? firstHit : space + 1;
    }

    /// <summary>Ends the window at a word boundary, at most <paramref name="length"/> chars after start.</summary>
    private static int CutEnd(string text, int start, int length)
    {
        if (text.Length - start <= length)
        {
            return text.Length;
        }

        var end = char.IsHighSurrogate(text[start + length - 1]) ? start + length - 1 : start + length;
        var space = text.LastIndexOf(' ', end - 1, end - start);
        return space > start ? space : end;
    }

    private static string Escape(string text, int start, int end)
    {
        var sb = new StringBuilder(end - start + 16);
        AppendEscaped(sb, text, start, end);
        if (end < text.Length)
        {
            sb.Append('…');
        }

        return sb.ToString();
    }

    // WebUtility.HtmlEncode would also turn Latin-1 letters (à, é, ô…) into entities; only markup characters need it.
    private static void AppendEscaped(StringBuilder sb, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            _ = text[i] switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                var c => sb.Append(c),
            };
        }
    }
}
