using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Content;
using Portals.Core.Definitions;

namespace Portals.Core.Data;

internal sealed partial class EfContentSession
{
    private static readonly HashSet<string> VolatileMetadata = ["ContentItemVersionId", "Latest", "Published", "ModifiedUtc", "PublishedUtc", "CreatedUtc"];

    /// <summary>Copies what queries need from the item into its record's columns.</summary>
    private static void Fill(ContentItemRecord record, ContentItem item, ContentDefinitionSet definitions)
    {
        record.ContentItemVersionId = item.ContentItemVersionId!;
        record.ContentType = item.ContentType;
        record.DisplayText = item.DisplayText;
        record.DisplayTextFolded = VietnameseText.Fold(item.DisplayText);
        record.Latest = item.Latest;
        record.Published = item.Published;
        record.Path = string.IsNullOrEmpty(item.Path) ? null : item.Path.ToLowerInvariant();
        record.Owner = item.Owner;
        record.Author = item.Author;
        record.CreatedUtc = item.CreatedUtc;
        record.ModifiedUtc = item.ModifiedUtc;
        record.PublishedUtc = item.PublishedUtc;
        record.SubmittedForReviewUtc = ReviewPart.SubmittedUtc(item);
        record.Json = item.ToJsonString();
        record.Terms = TaxonomyTerms(item, definitions).ToList();
    }

    private static IEnumerable<ContentTermRecord> TaxonomyTerms(ContentItem item, ContentDefinitionSet definitions)
    {
        var type = definitions.FindType(item.ContentType);
        if (type is null)
        {
            yield break;
        }
        foreach (var typePart in type.Parts)
        {
            var fields = definitions.FindPart(typePart.PartName)?.Fields.Where(f => f.FieldName == "TaxonomyField") ?? [];
            foreach (var field in fields)
            {
                if (item.Part(typePart.Name)?[field.Name]?["TermContentItemIds"] is not JsonArray terms)
                {
                    continue;
                }
                foreach (var term in terms.Select(t => t?.GetValue<string>()).Where(t => t is not null).Distinct())
                {
                    yield return new ContentTermRecord { Field = $"{typePart.Name}.{field.Name}", TermContentItemId = term! };
                }
            }
        }
    }

    /// <summary>The item's path, or one made from its title, with -2, -3… when another item holds it.</summary>
    private async Task<string> UniquePathAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var requested = item.Path?.Trim().Trim('/');
        var basePath = string.IsNullOrEmpty(requested)
            ? VietnameseText.Slugify(item.DisplayText)
            : string.Join('/', requested.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => VietnameseText.Slugify(s)));
        if (string.IsNullOrEmpty(basePath))
        {
            basePath = item.ContentItemId.ToLowerInvariant();
        }
        // The common case, a free path, costs one indexed lookup; only a collision loads the numbered siblings.
        if (!await WriteQueries.PathTaken(db, item.ContentItemId, basePath))
        {
            return basePath;
        }
        var others = db.ContentItems.Where(r => (r.Latest || r.Published) && r.ContentItemId != item.ContentItemId);
        var prefix = basePath + "-";
        var taken = await others.Where(r => r.Path != null && r.Path.StartsWith(prefix)).Select(r => r.Path!).ToListAsync(cancellationToken);
        var set = new HashSet<string>(taken, StringComparer.OrdinalIgnoreCase);
        var candidate = basePath;
        for (var suffix = 2; candidate == basePath || set.Contains(candidate); suffix++)
        {
            candidate = $"{basePath}-{suffix}";
        }
        return candidate;
    }

    /// <summary>The term ids of a taxonomy item's latest and published versions; null when there is no such item.</summary>
    private async Task<IReadOnlySet<string>?> LoadTermsAsync(string taxonomyContentItemId, CancellationToken cancellationToken)
    {
        var versions = await db.ContentItems.Where(r => r.ContentItemId == taxonomyContentItemId && (r.Latest || r.Published))
            .Select(r => r.Json).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return null;
        }
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var json in versions)
        {
            CollectTerms(ContentItem.Parse(json).Part("TaxonomyPart")?["Terms"] as JsonArray, terms, depth: 0);
        }
        return terms;
    }

    /// <summary>Terms and, nested under a term's own <c>Terms</c>, its child terms, as Orchard Core stores them.</summary>
    private static void CollectTerms(JsonArray? terms, HashSet<string> into, int depth)
    {
        if (terms is null || depth > 16)
        {
            return;
        }
        foreach (var term in terms.OfType<JsonObject>())
        {
            if (term["ContentItemId"] is JsonValue id && id.TryGetValue(out string? value))
            {
                into.Add(value);
            }
            CollectTerms(term["Terms"] as JsonArray, into, depth + 1);
        }
    }

    /// <summary>Whether an import would change nothing: same parts and same publication state as the version it replaces.</summary>
    private static bool SameContent(ContentItemRecord current, ContentItem incoming, bool publish)
    {
        if (current.Published != publish)
        {
            return false;
        }
        var stored = ContentItem.Parse(current.Json);
        foreach (var name in new[] { "CreatedUtc", "ModifiedUtc", "PublishedUtc" })
        {
            if (incoming.Data[name] is not null && !JsonNode.DeepEquals(incoming.Data[name], stored.Data[name]))
            {
                return false;
            }
        }
        return JsonNode.DeepEquals(Stable(stored), Stable(incoming));
    }

    /// <summary>The item as it would be stored (metadata present even when null), without what every save changes.</summary>
    private static JsonObject Stable(ContentItem item)
    {
        var copy = item.ToOrderedJson();
        foreach (var name in VolatileMetadata)
        {
            copy.Remove(name);
        }
        return copy;
    }
}
