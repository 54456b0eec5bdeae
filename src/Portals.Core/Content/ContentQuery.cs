namespace Portals.Core.Content;

public enum VersionOptions
{
    Published,
    Latest,
}

/// <summary>A page of items, each as its stored JSON, plus the total count before paging.</summary>
public sealed record ContentPage(IReadOnlyList<string> Items, int Total);

/// <summary>Filters for listing items. Text matches the display text, with or without diacritics.</summary>
public sealed record ContentQuery(
    string? ContentType = null,
    string? TermContentItemId = null,
    string? Text = null,
    DateTime? PublishedAfter = null,
    int Page = 1,
    int PageSize = 20,
    ContentSort Sort = ContentSort.PublishedDescending,
    VersionOptions Version = VersionOptions.Published);

public enum ContentSort
{
    PublishedDescending,
    PublishedAscending,
    ModifiedDescending,
    ModifiedAscending,
    TitleAscending,
    TitleDescending,
}

public sealed record ChangeLogEntry(long Id, string ContentItemId, string ContentType, string Kind, DateTime CreatedUtc);
