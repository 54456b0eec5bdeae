using System.Collections.Concurrent;
using Portals.Core.Tenants;
using Portals.Themes.Http;

namespace Portals.Themes.Content;

/// <summary>
/// Each tenant's <see cref="Vocabulary"/> (content definitions and published sector names), kept while the tenant's
/// page-cache generation stands: every page needs it, and reading it costs two store queries. The second documented
/// exception to "singletons hold no tenant data" (with the Contents module's read cache): it holds only definitions
/// and published taxonomy labels, keyed by tenant, and is replaced on the first request after any write.
/// </summary>
public sealed class VocabularyCache(PageCacheGenerations generations)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    public async Task<Vocabulary> GetAsync(TenantContext tenant, PublishedContent content, CancellationToken cancellationToken)
    {
        // Read the generation before the data: a write in between leaves an entry tagged with the old one, reloaded next time.
        var generation = generations.Current(tenant.Name);
        if (_entries.TryGetValue(tenant.Name, out var entry) && entry.Generation == generation)
        {
            return entry.Words;
        }
        var words = await content.ReadVocabularyAsync(cancellationToken);
        _entries[tenant.Name] = new Entry(generation, words);
        return words;
    }

    private sealed record Entry(string Generation, Vocabulary Words);
}
