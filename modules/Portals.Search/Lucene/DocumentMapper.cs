using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Portals.Search.Lucene;

/// <summary>Maps a <see cref="SearchDocument"/> to the Lucene fields and back.</summary>
internal static class DocumentMapper
{
    private const long NoDate = long.MinValue;

    /// <summary>Suggestions match a title's words up to here: far beyond what anyone types into a search box.</summary>
    public const int SuggestedTitleWords = 40;

    /// <summary>Bigrams are only ever term queries: positions would be dead weight.</summary>
    private static readonly FieldType BigramType = Freeze(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    public static Document ToLucene(SearchDocument source)
    {
        var title = TextNormalizer.Normalize(source.Title);
        var summary = TextNormalizer.Normalize(source.Summary);
        var body = TextNormalizer.Normalize(source.Body);

        var doc = new Document
        {
            new StringField(SearchFields.Key, SearchFields.KeyOf(source.Tenant, source.ContentItemId), Field.Store.NO),
            new StringField(SearchFields.Tenant, source.Tenant, Field.Store.YES),
            new SortedDocValuesField(SearchFields.Tenant, new BytesRef(source.Tenant)),
            new StringField(SearchFields.ContentItemId, source.ContentItemId, Field.Store.YES),
            new StringField(SearchFields.ContentType, source.ContentType, Field.Store.YES),
            new SortedDocValuesField(SearchFields.ContentType, new BytesRef(source.ContentType)),
            new StoredField(SearchFields.Url, source.Url),
            new StoredField(SearchFields.Title, title),
            new StoredField(SearchFields.Summary, summary),
            new StoredField(SearchFields.Body, body),
        };

        // One field with every word lets the required part of a query be a single conjunction; the stored parts stay
        // apart for hits and snippets. Each part is a separate value, analysed on its own, so no bigram spans two parts.
        // Each part is tokenized once for all the fields that index it.
        var titleTokens = new PreAnalyzedText(title);
        doc.Add(new TextField(SearchFields.TitleText, titleTokens.FoldedAndExact()));
        doc.Add(new BinaryDocValuesField(SearchFields.TitleFolded, new BytesRef(titleTokens.FoldedWords(SuggestedTitleWords))));
        foreach (var part in new[] { title, summary, body }.Where(part => part.Length > 0))
        {
            var tokens = ReferenceEquals(part, title) ? titleTokens : new PreAnalyzedText(part);
            doc.Add(new TextField(SearchFields.AllText, tokens.FoldedAndExact()));
            doc.Add(new Field(SearchFields.AllBigram, tokens.FoldedBigrams(), BigramType));
        }

        // Undated items sort last in newest-first listings.
        var published = source.PublishedUtc?.UtcTicks ?? NoDate;
        doc.Add(new NumericDocValuesField(SearchFields.Published, published));
        doc.Add(new StoredField(SearchFields.Published, published));

        // Sector labels are Vietnamese words typed by editors; NFC here and in the filter keeps "exact" from
        // depending on the keyboard that typed them.
        var names = source.SectorNames.Count == 0
            ? null
            : source.SectorNames.GroupBy(kv => TextNormalizer.Normalize(kv.Key), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        foreach (var sector in IndexableSectors(source))
        {
            doc.Add(new StringField(SearchFields.Sector, sector, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(SearchFields.Sector, new BytesRef(sector)));
            if (names is not null && names.TryGetValue(sector, out var name) && SectorLabel(source.Tenant, sector, name) is { } label)
            {
                doc.Add(new SortedSetDocValuesField(SearchFields.SectorLabel, new BytesRef(label)));
            }
        }

        return doc;
    }

    public static SearchHit ToHit(Document doc, string snippet, float score)
    {
        var ticks = doc.GetField(SearchFields.Published)?.GetInt64Value() ?? NoDate;
        return new SearchHit(
            Get(doc, SearchFields.ContentItemId),
            Get(doc, SearchFields.Tenant),
            Get(doc, SearchFields.ContentType),
            Get(doc, SearchFields.Title),
            Get(doc, SearchFields.Url),
            snippet,
            ticks == NoDate ? null : new DateTimeOffset(ticks, TimeSpan.Zero),
            doc.GetValues(SearchFields.Sector, CultureInfo.InvariantCulture),
            float.IsNaN(score) ? 0f : score);
    }

    /// <summary>"tenant\u001Fid\u001Fname" (NFC, no control characters), or null when a part is blank or it is too long for a doc value.</summary>
    private static string? SectorLabel(string tenant, string sector, string name)
    {
        var clean = TextNormalizer.Normalize(name).Trim();
        var label = string.Join('\u001F', tenant, sector, clean);
        return clean.Length == 0 || label.Length > SearchFields.MaxKeywordLength ? null : label;
    }

    private static FieldType Freeze(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private static string Get(Document doc, string field) => doc.Get(field, CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>
    /// Sector labels as indexed: NFC, non-empty, distinct. A label longer than <see cref="SearchFields.MaxKeywordLength"/>
    /// is left out: no filter can name it, and Lucene would reject the whole document (DocValuesField too large).
    /// </summary>
    public static IEnumerable<string> IndexableSectors(SearchDocument source) =>
        source.Sectors.Select(TextNormalizer.Normalize)
            .Where(s => s.Length is > 0 and <= SearchFields.MaxKeywordLength)
            .Distinct(StringComparer.Ordinal);

    /// <summary>How many sector values <see cref="IndexableSectors"/> leaves out for being too long (for the log).</summary>
    public static int OversizedSectors(SearchDocument source) =>
        source.Sectors.Count(s => TextNormalizer.Normalize(s).Length > SearchFields.MaxKeywordLength);

    /// <summary>Keys must be exact, so one the index cannot hold whole is refused, never cut.</summary>
    public static void Validate(string tenant, SearchDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (!string.Equals(doc.Tenant, tenant, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Document '{doc.ContentItemId}' belongs to tenant '{doc.Tenant}', not '{tenant}'.", nameof(doc));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(doc.ContentItemId, nameof(doc));
        ArgumentException.ThrowIfNullOrWhiteSpace(doc.ContentType, nameof(doc));
        ValidateKey(tenant, "tenant");
        ValidateKey(doc.ContentItemId, "ContentItemId");
        ValidateKey(doc.ContentType, "ContentType");
        ArgumentNullException.ThrowIfNull(doc.Title, nameof(doc));
        ArgumentNullException.ThrowIfNull(doc.Body, nameof(doc));
        ArgumentNullException.ThrowIfNull(doc.Url, nameof(doc));
        ArgumentNullException.ThrowIfNull(doc.Sectors, nameof(doc));
        ArgumentNullException.ThrowIfNull(doc.SectorNames, nameof(doc));
    }

    public static void ValidateKey(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        if (value.Length > SearchFields.MaxKeywordLength)
        {
            throw new ArgumentException($"{name} is {value.Length} characters long; the index holds at most {SearchFields.MaxKeywordLength}.", name);
        }
    }
}
