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
        if (options.IndexPath is { } path && (string.IsNullOrWhiteSpace(path) || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0))
        {
            errors.Add($"{SearchOptions.Section}:IndexPath must be a folder path.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
