using Portals.Themes.Rendering;

namespace Portals.Themes.ViewModels;

// The records templates see. Strings are plain text (encoded on output) unless typed SafeHtml; dates and money are
// already formatted. Templates reach members in snake_case: site.logo_text, item.type_label.

/// <summary>A link; <paramref name="Count"/> is a facet count, <paramref name="Current"/> marks the selected one.</summary>
public sealed record LinkView(string Label, string Url, bool Current = false, long? Count = null);

public sealed record CrumbView(string Label, string? Url);

/// <summary>The portal: header, navigation and footer data.</summary>
public sealed record SiteView(
    string Tenant,
    string SiteTitle,
    string ProvinceName,
    string LogoText,
    string LogoSubtext,
    string SectionTitle,
    string ThemeColor,
    string HomeUrl,
    string SearchUrl,
    string CssUrl,
    IReadOnlyList<LinkView> Nav,
    IReadOnlyList<LinkView> Feeds,
    LinkView OtherPortal);

/// <summary>The head of a page: title, canonical URL, Open Graph, robots, breadcrumb, preview banner.</summary>
public sealed record MetaView(
    string Title,
    string FullTitle,
    string Description,
    string CanonicalUrl,
    string OgType,
    string SiteTitle,
    bool NoIndex,
    bool Preview,
    IReadOnlyList<CrumbView> Breadcrumb);

public sealed record FactView(string Label, string Value);

public sealed record SectionView(string Heading, SafeHtml Html);

/// <summary>An item in a list, on the home page or among related items.</summary>
public sealed record CardView(
    string Title,
    string Url,
    string TypeLabel,
    string? Summary,
    string? Date,
    string? Status,
    IReadOnlyList<FactView> Facts);

public sealed record RelatedView(string Heading, IReadOnlyList<CardView> Items);

/// <summary>An item page: everything a visitor reads about one content item.</summary>
public sealed record ItemView(
    string Id,
    string Type,
    string TypeLabel,
    string Title,
    string Url,
    string? Summary,
    string? PublishedDate,
    string? Status,
    IReadOnlyList<LinkView> Sectors,
    IReadOnlyList<FactView> Facts,
    SafeHtml? Body,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<LinkView> Attachments,
    LinkView? Registration,
    IReadOnlyList<RelatedView> Related);

public sealed record HomeView(
    ItemView? Program,
    IReadOnlyList<CardView> KeyProjects,
    IReadOnlyList<CardView> OpenCalls,
    IReadOnlyList<CardView> Events,
    IReadOnlyList<CardView> Reports,
    IReadOnlyList<CardView> News,
    IReadOnlyList<LinkView> Lists);

public sealed record FilterGroupView(string Label, IReadOnlyList<LinkView> Options);

/// <summary>A GET form field; <paramref name="Type"/> is the input type (number, date, search, hidden).</summary>
public sealed record FormFieldView(string Name, string Label, string Value, string Type);

public sealed record FormView(string Action, string SubmitLabel, IReadOnlyList<FormFieldView> Fields, IReadOnlyList<FormFieldView> Hidden);

public sealed record PagerView(int Page, int Pages, string? PreviousUrl, string? NextUrl, IReadOnlyList<LinkView> Links);

public sealed record ListView(
    string Heading,
    string Intro,
    long Total,
    IReadOnlyList<CardView> Items,
    IReadOnlyList<FilterGroupView> Filters,
    FormView? Form,
    PagerView? Pager,
    string EmptyText,
    string? ClearFiltersUrl,
    LinkView? Feed);

public sealed record SearchHitView(string Title, string Url, string Province, bool OtherPortal, string TypeLabel, SafeHtml Snippet, string? Date);

public sealed record SearchView(
    string Query,
    long Total,
    IReadOnlyList<SearchHitView> Results,
    IReadOnlyList<FilterGroupView> Facets,
    PagerView? Pager,
    string? Message,
    string? ClearFiltersUrl);

public sealed record NotFoundView(string Path, IReadOnlyList<LinkView> Suggestions);

/// <summary>Every type a template can read members of; the Fluid options register these and nothing else.</summary>
public static class ViewModelTypes
{
    public static readonly IReadOnlyList<Type> All =
    [
        typeof(LinkView), typeof(CrumbView), typeof(SiteView), typeof(MetaView), typeof(FactView), typeof(SectionView),
        typeof(CardView), typeof(RelatedView), typeof(ItemView), typeof(HomeView), typeof(FilterGroupView),
        typeof(FormFieldView), typeof(FormView), typeof(PagerView), typeof(ListView), typeof(SearchHitView),
        typeof(SearchView), typeof(NotFoundView),
    ];
}
