using Portals.Core.Content;
using Portals.Core.Tenants;

namespace Portals.Themes.Content;

/// <summary>
/// Everything public pages read from the store, through one session per request. Published versions only, except
/// <see cref="LatestAsync"/>, which the guarded preview alone calls. The only file of the module that knows the storage port.
/// </summary>
public sealed class PublishedContent : IAsyncDisposable
{
    /// <summary>In-memory filtering (investment calls, events) reads at most this many items of a type.</summary>
    public const int MaxPerType = 1000;

    private readonly IContentSession _session;
    private readonly TenantContext _tenant;
    private readonly VocabularyCache? _vocabulary;

    private PublishedContent(IContentSession session, TenantContext tenant, VocabularyCache? vocabulary)
    {
        _session = session;
        _tenant = tenant;
        _vocabulary = vocabulary;
    }

    public static async Task<PublishedContent> OpenAsync(
        IContentStore store, TenantContext tenant, CancellationToken cancellationToken, VocabularyCache? vocabulary = null) =>
        new(await store.OpenAsync(tenant, cancellationToken), tenant, vocabulary);

    /// <summary>Type, field and sector names: from the cache when the store opened with one, else read now.</summary>
    public Task<Vocabulary> VocabularyAsync(CancellationToken cancellationToken) =>
        _vocabulary is null ? ReadVocabularyAsync(cancellationToken) : _vocabulary.GetAsync(_tenant, this, cancellationToken);

    internal async Task<Vocabulary> ReadVocabularyAsync(CancellationToken cancellationToken)
    {
        var definitions = await _session.GetDefinitionsAsync(cancellationToken);
        var taxonomy = await _session.GetJsonAsync(Vocabulary.SectorTaxonomyId, VersionOptions.Published, cancellationToken);
        return Vocabulary.From(definitions, taxonomy is null ? null : ContentItem.Parse(taxonomy));
    }

    public async Task<ContentItem?> ByPathAsync(string path, CancellationToken cancellationToken) =>
        await _session.GetPublishedJsonByPathAsync(path, cancellationToken) is { } json ? ContentItem.Parse(json) : null;

    /// <summary>The latest version, draft or not: for an authorized preview only.</summary>
    public async Task<ContentItem?> LatestAsync(string contentItemId, CancellationToken cancellationToken) =>
        await _session.GetJsonAsync(contentItemId, VersionOptions.Latest, cancellationToken) is { } json ? ContentItem.Parse(json) : null;

    public async Task<IReadOnlyList<ContentItem>> ManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await _session.GetManyAsync(ids, VersionOptions.Published, cancellationToken);

    /// <summary>The newest items of a type (optionally with a sector), a page at a time.</summary>
    public async Task<(IReadOnlyList<ContentItem> Items, int Total)> PageAsync(
        string type, int page, int pageSize, string? sector, CancellationToken cancellationToken)
    {
        var result = await _session.QueryAsync(new ContentQuery(type, sector, Page: page, PageSize: pageSize), cancellationToken);
        return (result.Items.Select(ContentItem.Parse).ToList(), result.Total);
    }

    /// <summary>Up to <see cref="MaxPerType"/> newest items of a type, for filters the store cannot express.</summary>
    public async Task<IReadOnlyList<ContentItem>> AllAsync(string type, CancellationToken cancellationToken) =>
        (await PageAsync(type, 1, MaxPerType, null, cancellationToken)).Items;

    /// <summary>Every published item with a public path (sitemap), newest first, up to <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<ContentItem>> RoutableAsync(int max, CancellationToken cancellationToken)
    {
        const int batch = 500;
        var items = new List<ContentItem>();
        for (var page = 1; items.Count < max; page++)
        {
            var result = await _session.QueryAsync(new ContentQuery(Page: page, PageSize: batch), cancellationToken);
            items.AddRange(result.Items.Select(ContentItem.Parse).Where(i => !string.IsNullOrEmpty(i.Path)));
            if (page * batch >= result.Total)
            {
                break;
            }
        }
        return items.Count > max ? items[..max] : items;
    }

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
