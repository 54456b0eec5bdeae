namespace Portals.Core.Content;

public enum VersionOptions
{
    Published,
    Latest,
}

/// <summary>
/// A page of items, each as its stored JSON, plus the total count before paging. When the query set
/// <see cref="ContentQuery.TotalLimit"/> and more items match, <paramref name="Total"/> is a lower bound
/// (<paramref name="TotalIsExact"/> false), always beyond this page.
/// </summary>
public sealed record ContentPage(IReadOnlyList<string> Items, int Total, bool TotalIsExact = true);

/// <summary>
/// Filters for listing items. Text matches the display text, with or without diacritics. <paramref name="Status"/>
/// is the workflow state of the version read (with <see cref="VersionOptions.Latest"/>: of the item's latest
/// version); <paramref name="Owner"/> is the user or client who created the item. <paramref name="TotalLimit"/>, when
/// set, stops counting there (or just past the page, if further): the count then costs the same for 1k or 100k items.
/// </summary>
public sealed record ContentQuery(
    string? ContentType = null,
    string? TermContentItemId = null,
    string? Text = null,
    DateTime? PublishedAfter = null,
    int Page = 1,
    int PageSize = 20,
    ContentSort Sort = ContentSort.PublishedDescending,
    VersionOptions Version = VersionOptions.Published,
    ContentStatus Status = ContentStatus.Any,
    string? Owner = null,
    int? TotalLimit = null);

/// <summary>
/// The workflow state of a version. Published: it is the published version. Scheduled: a draft with a future
/// <c>PublishLaterPart.ScheduledPublishUtc</c>. InReview: a draft its author submitted for review
/// (<see cref="ReviewPart"/>), not scheduled. Draft: any other unpublished version.
/// </summary>
public enum ContentStatus
{
    Any,
    Draft,
    Published,
    Scheduled,
    InReview,
}

/// <summary>One version of an item in its history, newest first.</summary>
public sealed record ContentVersionInfo(
    string ContentItemVersionId,
    string? DisplayText,
    bool Latest,
    bool Published,
    DateTime? ModifiedUtc,
    DateTime? PublishedUtc,
    string? Author);

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
