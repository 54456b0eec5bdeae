using System.Globalization;

namespace Portals.Search.Engine;

/// <summary>Tenant cursors as Lucene commit user data ("cursor:{tenant}" → decimal, plus the schema version), committed with the documents.</summary>
internal static class CommitCursors
{
    public static Dictionary<string, long> Read(IDictionary<string, string>? userData)
    {
        var cursors = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in userData ?? new Dictionary<string, string>())
        {
            if (key.StartsWith(SearchFields.CursorPrefix, StringComparison.Ordinal)
                && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
            {
                cursors[key[SearchFields.CursorPrefix.Length..]] = cursor;
            }
        }

        return cursors;
    }

    public static Dictionary<string, string> Write(IReadOnlyDictionary<string, long> cursors)
    {
        var userData = cursors.ToDictionary(
            kv => SearchFields.CursorPrefix + kv.Key,
            kv => kv.Value.ToString(CultureInfo.InvariantCulture),
            StringComparer.Ordinal);
        userData[SearchFields.SchemaKey] = SearchFields.SchemaVersion;
        return userData;
    }

    public static bool IsCurrentSchema(IDictionary<string, string>? userData) =>
        userData is not null && userData.TryGetValue(SearchFields.SchemaKey, out var version)
        && string.Equals(version, SearchFields.SchemaVersion, StringComparison.Ordinal);

    public static string Describe(IReadOnlyDictionary<string, long> cursors) =>
        cursors.Count == 0 ? "none" : string.Join(", ", cursors.Select(kv => $"{kv.Key}={kv.Value}"));
}
