namespace Portals.Search;

/// <summary>Another process (typically the running server) has the index open for writing.</summary>
public sealed class SearchIndexInUseException(string location, Exception? inner = null)
    : IOException($"The search index at {location} is open in another process.", inner);
