using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portals.Search.Lucene;
using Portals.Testing;

namespace Portals.Search.Tests.Integration;

/// <summary>The real host whose search port is <typeparamref name="TIndex"/> wrapped around its Lucene index.</summary>
public abstract class WrappedIndexFactory<TIndex> : PortalsFactory
    where TIndex : class, ISearchIndex
{
    public TIndex Index => Service<TIndex>();

    protected abstract TIndex Wrap(ISearchIndex lucene);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(sp => Wrap(sp.GetRequiredService<LuceneSearchIndex>()));
            services.AddSingleton<ISearchIndex>(sp => sp.GetRequiredService<TIndex>());
        });
    }
}

/// <summary>The real host whose search index refuses chosen documents, the way Lucene refuses one it cannot hold.</summary>
public sealed class FaultyIndexFactory : WrappedIndexFactory<FaultyIndex>
{
    public FaultyIndex Faults => Index;

    protected override FaultyIndex Wrap(ISearchIndex lucene) => new(lucene);
}

/// <summary>The Lucene index, except for batches holding a document whose title carries a marker.</summary>
public sealed class FaultyIndex(ISearchIndex inner) : ISearchIndex
{
    /// <summary>A title with this word is refused with the error Lucene gave for the 40,000-character sector.</summary>
    public const string Poison = "poisonterm";

    /// <summary>While <see cref="DiskFull"/>, a title with this word fails with an I/O error, as on a full disk.</summary>
    public const string Disk = "diskterm";

    private int _poisonRefusals;
    private int _diskRefusals;
    private volatile bool _diskFull;

    public bool DiskFull
    {
        get => _diskFull;
        set => _diskFull = value;
    }

    public int PoisonRefusals => Volatile.Read(ref _poisonRefusals);

    public int DiskRefusals => Volatile.Read(ref _diskRefusals);

    public Task ApplyAsync(SearchBatch batch, CancellationToken ct)
    {
        if (batch.Upserts.Any(d => d.Title.Contains(Poison, StringComparison.Ordinal)))
        {
            Interlocked.Increment(ref _poisonRefusals);
            throw new ArgumentException("DocValuesField \"sector\" is too large, must be <= 32766");
        }
        if (_diskFull && batch.Upserts.Any(d => d.Title.Contains(Disk, StringComparison.Ordinal)))
        {
            Interlocked.Increment(ref _diskRefusals);
            throw new IOException("No space left on device");
        }
        return inner.ApplyAsync(batch, ct);
    }

    public Task<long> GetCursorAsync(string tenant, CancellationToken ct) => inner.GetCursorAsync(tenant, ct);

    public Task<SearchIndexStatus> GetStatusAsync(string tenant, CancellationToken ct) => inner.GetStatusAsync(tenant, ct);

    public Task<IReadOnlyList<string>> ListIdsAsync(string tenant, CancellationToken ct) => inner.ListIdsAsync(tenant, ct);

    /// <summary>A search for one of these words fails with that exception, as a bug or a timeout inside the engine would.</summary>
    public static readonly IReadOnlyDictionary<string, Func<Exception>> Faults = new Dictionary<string, Func<Exception>>
    {
        ["faultinvalid"] = () => new InvalidOperationException("engine state"),
        ["faultrange"] = () => new ArgumentOutOfRangeException("slot", "internal index"),
        ["faulttimeout"] = () => new OperationCanceledException("engine timeout"),
    };

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken ct) =>
        query.Text is { } text && Faults.TryGetValue(text, out var fault) ? throw fault() : inner.SearchAsync(query, ct);

    public Task<SearchSuggestions> SuggestAsync(SuggestQuery query, CancellationToken ct) => inner.SuggestAsync(query, ct);
}
