using Microsoft.Extensions.Options;

namespace Portals.Search;

/// <summary>The <c>Portals:Search</c> configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Portals:Search";

    /// <summary>Folder of the shared index; default <c>{DataPath}/Search</c>. One process may open it at a time.</summary>
    public string? IndexPath { get; set; }

    /// <summary>Indexing buffer before the engine flushes a segment; larger speeds up full rebuilds.</summary>
    public double RamBufferSizeMb { get; set; } = 48;

    /// <summary>
    /// Distinct searches whose results are kept until the next index commit (0 turns it off). A commit opens a new
    /// reader with an empty cache, so a kept result is always what the search would find now.
    /// </summary>
    public int ResultCacheEntries { get; set; } = 1000;

    /// <summary>A pause after each rebuild batch (500 items), to spare a busy database during a long rebuild; 0 by default.</summary>
    public int RebuildBatchPauseMilliseconds { get; set; }

    /// <summary>
    /// The province or city each tenant stands for, by tenant name (<c>Portals:Search:Places:haugiang:0</c> = "Hậu Giang"):
    /// a query naming it, with or without diacritics, boosts that tenant's documents.
    /// </summary>
    public Dictionary<string, string[]> Places { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Fails start-up on settings that would otherwise break at the first indexing batch.</summary>
public sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchOptions options)
    {
        var errors = new List<string>();
        if (options.RamBufferSizeMb is < 1 or > 2048)
        {
            errors.Add($"{SearchOptions.Section}:RamBufferSizeMb must be between 1 and 2048.");
        }
        if (options.ResultCacheEntries is < 0 or > 100_000)
        {
            errors.Add($"{SearchOptions.Section}:ResultCacheEntries must be between 0 and 100000.");
        }
        if (options.RebuildBatchPauseMilliseconds is < 0 or > 60_000)
        {
            errors.Add($"{SearchOptions.Section}:RebuildBatchPauseMilliseconds must be between 0 and 60000.");
        }
        if (options.IndexPath is { } path && (string.IsNullOrWhiteSpace(path) || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            errors.Add($"{SearchOptions.Section}:IndexPath must be a folder path.");
        }
        foreach (var (tenant, names) in options.Places)
        {
            if (names.Length == 0 || names.Any(n => string.IsNullOrWhiteSpace(n) || n.Length > 100))
            {
                errors.Add($"{SearchOptions.Section}:Places:{tenant} must list names of 1 to 100 characters.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
