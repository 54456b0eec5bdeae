using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Portals.Search.Lucene;

/// <summary>
/// What each tenant's part of the index has reached, kept in the Lucene commit user data and so committed atomically
/// with the documents: "cursor:{tenant}" → change-log id (decimal), "setaside:{tenant}" → JSON {id: reason}, plus the
/// schema version. Immutable: a batch builds the next state and publishes it only once its commit succeeded.
/// </summary>
internal sealed record CommitState(
    ImmutableDictionary<string, long> Cursors,
    ImmutableDictionary<string, ImmutableSortedDictionary<string, string>> SetAside)
{
    private const string SetAsidePrefix = "setaside:";

    public static readonly CommitState Empty = new(
        ImmutableDictionary.Create<string, long>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ImmutableSortedDictionary<string, string>>(StringComparer.Ordinal));

    public static CommitState Read(IDictionary<string, string>? userData)
    {
        var state = Empty;
        foreach (var (key, value) in userData ?? new Dictionary<string, string>())
        {
            if (key.StartsWith(SearchFields.CursorPrefix, StringComparison.Ordinal)
                && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
            {
                state = state with { Cursors = state.Cursors.SetItem(key[SearchFields.CursorPrefix.Length..], cursor) };
            }
            else if (key.StartsWith(SetAsidePrefix, StringComparison.Ordinal)
                && JsonSerializer.Deserialize<Dictionary<string, string>>(value) is { Count: > 0 } entries)
            {
                state = state with { SetAside = state.SetAside.SetItem(key[SetAsidePrefix.Length..], entries.ToImmutableSortedDictionary(StringComparer.Ordinal)) };
            }
        }

        return state;
    }

    public Dictionary<string, string> Write()
    {
        var userData = Cursors.ToDictionary(
            kv => SearchFields.CursorPrefix + kv.Key,
            kv => kv.Value.ToString(CultureInfo.InvariantCulture),
            StringComparer.Ordinal);
        foreach (var (tenant, entries) in SetAside.Where(kv => kv.Value.Count > 0))
        {
            userData[SetAsidePrefix + tenant] = JsonSerializer.Serialize(entries);
        }

        userData[SearchFields.SchemaKey] = SearchFields.SchemaVersion;
        return userData;
    }

    public ImmutableSortedDictionary<string, string> SetAsideOf(string tenant) =>
        SetAside.GetValueOrDefault(tenant) ?? ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The state after a batch: the new cursor; upserted and deleted ids leave the set-aside list, new set-asides join
    /// it (deleted wins over set aside, as in the documents), up to the recorded maximum.
    /// </summary>
    public CommitState After(string tenant, long cursor, IEnumerable<string> upserted, IReadOnlyCollection<SetAsideDocument> setAside,
        IReadOnlyCollection<string> deleted)
    {
        var entries = SetAsideOf(tenant).RemoveRange(upserted).ToBuilder();
        var deletedIds = deleted.ToHashSet(StringComparer.Ordinal);
        foreach (var entry in setAside.Where(s => !deletedIds.Contains(s.ContentItemId)))
        {
            if (entries.ContainsKey(entry.ContentItemId) || entries.Count < SearchIndexStatus.MaxSetAsideRecorded)
            {
                entries[entry.ContentItemId] = Truncate(entry.Reason);
            }
        }

        entries.RemoveRange(deletedIds);
        return new CommitState(Cursors.SetItem(tenant, cursor), SetAside.SetItem(tenant, entries.ToImmutable()));
    }

    public static bool IsCurrentSchema(IDictionary<string, string>? userData) =>
        userData is not null && userData.TryGetValue(SearchFields.SchemaKey, out var version)
        && string.Equals(version, SearchFields.SchemaVersion, StringComparison.Ordinal);

    public string Describe() =>
        Cursors.IsEmpty ? "none" : string.Join(", ", Cursors.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
            $"{kv.Key}={kv.Value}" + (SetAsideOf(kv.Key).Count is > 0 and var n ? $" ({n} set aside)" : "")));

    private static string Truncate(string reason) =>
        reason.Length <= SearchIndexStatus.MaxReasonLength ? reason : reason[..(SearchIndexStatus.MaxReasonLength - 1)] + "…";
}
