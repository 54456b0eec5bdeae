using System.Globalization;
using Microsoft.AspNetCore.Http;
using Portals.Themes.ViewModels;

namespace Portals.Themes.Pages;

/// <summary>
/// A list page's query string: the known filter keys only, in a fixed order, so every filtered list has one
/// shareable URL. Links change one key and drop the page number.
/// </summary>
public sealed class ListQuery
{
    public const string PageKey = "trang";
    public const int PageSize = 10;
    private readonly string _route;
    private readonly string _basePath;
    private readonly SortedDictionary<string, string> _values = new(StringComparer.Ordinal);

    public ListQuery(PageScope scope, string route, IQueryCollection query, IEnumerable<string> keys)
    {
        _route = route;
        _basePath = scope.Url(route);
        foreach (var key in keys.Append(PageKey))
        {
            var value = query[key].ToString().Trim();
            if (value.Length is > 0 and <= 200)
            {
                _values[key] = value;
            }
        }
        Page = int.TryParse(Get(PageKey), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 10_000 ? page : 1;
    }

    public int Page { get; }

    public string? Get(string key) => _values.GetValueOrDefault(key);

    public bool HasFilters => _values.Keys.Any(k => k != PageKey);

    /// <summary>This list with <paramref name="key"/> set (or removed when null), back on page 1.</summary>
    public string With(string key, string? value) => Build([(key, value)], keepPage: false);

    /// <summary>This list with several keys set or removed at once (a range's two ends), back on page 1.</summary>
    public string With(params (string Key, string? Value)[] changes) => Build(changes, keepPage: false);

    public string WithPage(int page) => Build([(PageKey, page <= 1 ? null : page.ToString(CultureInfo.InvariantCulture))], keepPage: true);

    /// <summary>The page's own path and normalized query under the tenant, for its canonical URL.</summary>
    public string CurrentPath => _route + QueryString([(PageKey, Page <= 1 ? null : Page.ToString(CultureInfo.InvariantCulture))], keepPage: true);

    public string Cleared => _basePath;

    public IReadOnlyList<FormFieldView> HiddenExcept(params string[] keys) =>
        _values.Where(v => v.Key != PageKey && !keys.Contains(v.Key)).Select(v => new FormFieldView(v.Key, v.Key, v.Value, "hidden")).ToList();

    public decimal? Number(string key)
    {
        var text = Get(key)?.Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var d) && d >= 0 ? d : null;
    }

    public PagerView? Pager(long total)
    {
        var pages = (int)Math.Min(10_000, (total + PageSize - 1) / PageSize);
        if (pages <= 1)
        {
            return null;
        }
        var page = Math.Min(Page, pages);
        var links = Enumerable.Range(1, pages)
            .Where(p => p == 1 || p == pages || Math.Abs(p - page) <= 2)
            .Select(p => new LinkView(p.ToString(CultureInfo.InvariantCulture), WithPage(p), p == page))
            .ToList();
        return new PagerView(page, pages, page > 1 ? WithPage(page - 1) : null, page < pages ? WithPage(page + 1) : null, links);
    }

    private string Build((string Key, string? Value)[] changes, bool keepPage) => _basePath + QueryString(changes, keepPage);

    private string QueryString((string Key, string? Value)[] changes, bool keepPage)
    {
        var values = new SortedDictionary<string, string>(_values, StringComparer.Ordinal);
        if (!keepPage)
        {
            values.Remove(PageKey);
        }
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }
        }
        return values.Count == 0
            ? ""
            : "?" + string.Join("&", values.Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value)}"));
    }
}

/// <summary>
/// In-memory filters over a list of items. Each dimension's counts apply the other dimensions' filters, not its own,
/// so the alternatives to a chosen value stay visible with honest counts.
/// </summary>
public sealed class FacetedList<T>(IReadOnlyList<T> items)
{
    private readonly List<(string Key, Func<T, bool> Keep)> _filters = [];

    public FacetedList<T> Where(string key, Func<T, bool>? keep)
    {
        if (keep is not null)
        {
            _filters.Add((key, keep));
        }
        return this;
    }

    public IReadOnlyList<T> Results => items.Where(i => _filters.All(f => f.Keep(i))).ToList();

    /// <summary>The items every filter but <paramref name="key"/>'s keeps: what that dimension's counts are taken over.</summary>
    public IReadOnlyList<T> Except(string key) => items.Where(i => _filters.Where(f => f.Key != key).All(f => f.Keep(i))).ToList();

    /// <summary>One link per value (with its count); values with no item under the other filters are left out, except the selected one.</summary>
    public FilterGroupView Group(string label, string key, ListQuery query, IEnumerable<(string Value, string Label)> values, Func<T, string, bool> matches)
    {
        var pool = Except(key);
        var selected = query.Get(key);
        var options = new List<LinkView> { new("Tất cả", query.With(key, null), selected is null) };
        foreach (var (value, text) in values)
        {
            var count = pool.Count(i => matches(i, value));
            if (count > 0 || value == selected)
            {
                options.Add(new LinkView(text, query.With(key, value), value == selected, count));
            }
        }
        return new FilterGroupView(label, options);
    }

    public IReadOnlyList<T> Page(IReadOnlyList<T> results, ListQuery query) =>
        results.Skip((Math.Min(query.Page, Math.Max(1, (results.Count + ListQuery.PageSize - 1) / ListQuery.PageSize)) - 1) * ListQuery.PageSize)
            .Take(ListQuery.PageSize).ToList();
}
