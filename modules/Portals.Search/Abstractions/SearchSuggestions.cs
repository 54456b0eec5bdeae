namespace Portals.Search;

/// <summary>
/// What a search box has typed so far. <paramref name="Text"/> is untrusted free text; only its first
/// <see cref="MaxTextLength"/> characters count. A null <paramref name="Tenant"/> suggests from both portals.
/// </summary>
public sealed record SuggestQuery(string? Text, string? Tenant)
{
    public const int MaxTextLength = 200;
}

/// <summary>Titles first matched at their start, then at a later word; sector names likewise.</summary>
public sealed record SearchSuggestions(IReadOnlyList<TitleSuggestion> Titles, IReadOnlyList<SectorSuggestion> Sectors)
{
    public const int MaxTitles = 8;
    public const int MaxSectors = 8;

    public static SearchSuggestions None { get; } = new([], []);
}

/// <summary>A published item whose title matches; every string is plain text as indexed.</summary>
public sealed record TitleSuggestion(string ContentItemId, string Tenant, string ContentType, string Title, string Url);

/// <summary>
/// A sector that published items carry (of the tenant, when the query names one): its id, as the <c>sector</c> filter
/// takes it, and its name. Both portals share the sector list, so a sector is suggested once.
/// </summary>
public sealed record SectorSuggestion(string Sector, string Name);
