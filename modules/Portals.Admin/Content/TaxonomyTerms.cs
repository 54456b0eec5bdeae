using System.Text.Json.Nodes;
using Portals.Core.Content;

namespace Portals.Admin.Content;

/// <summary>A term of a taxonomy, with its depth (child terms sit inside their parent, as in Orchard Core).</summary>
public sealed record TaxonomyTerm(string Id, string Title, int Depth);

/// <summary>Reads the terms of a taxonomy item (the sectors: <c>sector-taxonomy</c>).</summary>
public static class TaxonomyTerms
{
    public const string SectorTaxonomyId = "sector-taxonomy";

    public static async Task<IReadOnlyList<TaxonomyTerm>> LoadAsync(IContentReader reader, string taxonomyId, CancellationToken cancellationToken) =>
        await reader.GetAsync(taxonomyId, VersionOptions.Latest, cancellationToken) is { } taxonomy ? Flatten(taxonomy) : [];

    public static IReadOnlyList<TaxonomyTerm> Flatten(ContentItem taxonomy)
    {
        var terms = new List<TaxonomyTerm>();
        Collect(taxonomy.Part("TaxonomyPart")?["Terms"] as JsonArray, 0, terms);
        return terms;
    }

    /// <summary>The taxonomy's own list of top-level terms, created when missing.</summary>
    public static JsonArray TopLevel(ContentItem taxonomy)
    {
        var part = taxonomy.GetOrCreatePart("TaxonomyPart");
        if (part["Terms"] is not JsonArray terms)
        {
            terms = [];
            part["Terms"] = terms;
        }
        return terms;
    }

    public static string? Id(JsonNode? term) => term?["ContentItemId"] is JsonValue v && v.TryGetValue(out string? id) ? id : null;

    public static string Title(JsonNode? term) =>
        (term?["TitlePart"]?["Title"] ?? term?["DisplayText"]) is JsonValue v && v.TryGetValue(out string? title) ? title : Id(term) ?? "";

    private static void Collect(JsonArray? terms, int depth, List<TaxonomyTerm> into)
    {
        if (terms is null || depth > 16)
        {
            return;
        }
        foreach (var term in terms.OfType<JsonObject>())
        {
            if (Id(term) is { } id)
            {
                into.Add(new TaxonomyTerm(id, Title(term), depth));
            }
            Collect(term["Terms"] as JsonArray, depth + 1, into);
        }
    }
}
