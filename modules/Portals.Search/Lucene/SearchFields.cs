namespace Portals.Search.Lucene;

/// <summary>Field names of the Lucene index. Changing fields or analysis means bumping <see cref="SchemaVersion"/>.</summary>
internal static class SearchFields
{
    /// <summary>Unique key "tenant\u001Fid": upserts replace by it.</summary>
    public const string Key = "key";
    public const string Tenant = "tenant";
    public const string ContentItemId = "id";
    public const string ContentType = "type";
    public const string Sector = "sector";
    public const string Url = "url";
    public const string Published = "published";

    // Stored originals (NFC): hits and snippets are rebuilt from them.
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";

    // Analysed views. "Text" holds every syllable folded (no diacritics, đ→d) plus, at the same position, its exact
    // lower-cased form when that differs: "đường" → duong + đường. "all_bigram" holds folded adjacent pairs of all the text.
    public const string TitleText = "title_text";
    /// <summary>Title, summary and body together: every word the required part of a query must find.</summary>
    public const string AllText = "all_text";
    public const string AllBigram = "all_bigram";

    // Suggestions, as doc values read into memory per segment. "title_folded": the title's folded syllables joined by
    // single spaces; "sector_label": "tenant\u001Fsector id\u001Fsector name" for each named sector of the document.
    public const string TitleFolded = "title_folded";
    public const string SectorLabel = "sector_label";

    /// <summary>
    /// Version of the fields and analysis, kept in the commit user data. An index of another version is emptied on open
    /// and every cursor reads 0, so the change-log reader rebuilds it.
    /// </summary>
    public const string SchemaVersion = "2";

    public const string SchemaKey = "schema";

    /// <summary>Commit user-data key prefix of a tenant's change-log cursor.</summary>
    public const string CursorPrefix = "cursor:";

    /// <summary>
    /// Longest keyword (tenant, id, type, sector) indexed, in UTF-16 units: at most 4 UTF-8 bytes each, far below
    /// Lucene's 32,766-byte limit for a term or a doc value, which would otherwise fail the whole batch.
    /// </summary>
    public const int MaxKeywordLength = 1024;

    public static string KeyOf(string tenant, string contentItemId) => tenant + "\u001F" + contentItemId;
}
