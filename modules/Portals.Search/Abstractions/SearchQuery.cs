namespace Portals.Search;

/// <summary>
/// A user search. <paramref name="Text"/> is untrusted free text, never query syntax; blank text lists newest first.
/// Null filters mean "any". Page is 1-based; PageSize is 1..50 (the index throws ArgumentOutOfRangeException otherwise).
/// </summary>
public sealed record SearchQuery(
    string? Text,
    string? Tenant,
    string? ContentType,
    string? Sector,
    int Page = 1,
    int PageSize = 10);
