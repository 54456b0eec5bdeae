namespace Portals.Search.Lucene;

/// <summary>Words of the query that name a tenant's province or city: <see cref="Start"/> and <see cref="Length"/> index the query words.</summary>
internal readonly record struct PlaceMatch(int Start, int Length, string Tenant);

/// <summary>
/// The place each tenant stands for ("Hậu Giang" → haugiang), compared folded, so "hau giang" names it too.
/// Configuration only (<c>Portals:Search:Places</c>), never tenant data.
/// </summary>
internal sealed class PlaceNames
{
    private readonly List<(string[] Words, string Tenant)> _places;

    public PlaceNames(IReadOnlyDictionary<string, IReadOnlyList<string>>? places)
    {
        _places = [];
        foreach (var (tenant, names) in places ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            foreach (var name in names)
            {
                var words = VietnameseAnalyzers.Tokens(VietnameseAnalyzers.Folded, TextNormalizer.Normalize(name), QueryText.MaxTokens)
                    .ConvertAll(t => t.Term).ToArray();
                if (words.Length > 0)
                {
                    _places.Add((words, tenant));
                }
            }
        }

        // Longest names first, so "thành phố Cần Thơ" wins over "Cần Thơ" where both are configured.
        _places.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    public static PlaceNames None { get; } = new(null);

    /// <summary>Non-overlapping place names among the words, left to right; words inside quotes are never a place.</summary>
    public List<PlaceMatch> Find(IReadOnlyList<QueryWord> words)
    {
        var found = new List<PlaceMatch>();
        for (var i = 0; i < words.Count && _places.Count > 0;)
        {
            var match = _places.FirstOrDefault(p => Matches(words, i, p.Words));
            if (match.Words is null)
            {
                i++;
                continue;
            }

            found.Add(new PlaceMatch(i, match.Words.Length, match.Tenant));
            i += match.Words.Length;
        }

        return found;
    }

    private static bool Matches(IReadOnlyList<QueryWord> words, int start, string[] place)
    {
        if (start + place.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < place.Length; k++)
        {
            var word = words[start + k];
            if (word.Quoted || !string.Equals(word.Folded, place[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
