using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Content;
using Portals.Core.Definitions;

namespace Portals.Core.Data;

internal sealed partial class EfContentSession
{
    private static readonly HashSet<string> VolatileMetadata = ["ContentItemVersionId", "Latest", "Published", "ModifiedUtc", "PublishedUtc", "CreatedUtc"];
    private ContentDefinitionSet? _definitions;

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
        var others = db.ContentItems.Where(r => (r.Latest || r.Published) && r.ContentItemId != item.ContentItemId);
        if (!await others.AnyAsync(r => r.Path == basePath, cancellationToken))
        {
            return basePath;
        }
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

    /// <summary>Whether an import would change nothing: same parts and same publication state.</summary>
    private static bool SameContent(ContentItemRecord latest, ContentItem incoming, bool publish)
    {
        if (latest.Published != publish)
        {
            return false;
        }
        var stored = ContentItem.Parse(latest.Json);
        foreach (var name in VolatileMetadata)
        {
            if (incoming.Data[name] is not null && name is "CreatedUtc" or "ModifiedUtc" or "PublishedUtc"
                && !JsonNode.DeepEquals(incoming.Data[name], stored.Data[name]))
            {
                return false;
            }
        }
        return JsonNode.DeepEquals(Stable(stored), Stable(incoming));
    }

    private static JsonObject Stable(ContentItem item)
    {
        var copy = (JsonObject)item.Data.DeepClone();
        foreach (var name in VolatileMetadata)
        {
            copy.Remove(name);
        }
        return copy;
    }

    public async Task<ContentDefinitionSet> GetDefinitionsAsync(CancellationToken cancellationToken)
    {
        if (_definitions is not null)
        {
            return _definitions;
        }
        var json = await db.Documents.Where(d => d.Key == DocumentKeys.ContentDefinitions).Select(d => d.Json).FirstOrDefaultAsync(cancellationToken);
        _definitions = json is null ? ContentDefinitionSet.Empty : ContentDefinitionJson.Read(JsonDocument.Parse(json).RootElement);
        return _definitions;
    }

    public async Task SaveDefinitionsAsync(ContentDefinitionSet definitions, CancellationToken cancellationToken)
    {
        await SaveDocumentAsync(DocumentKeys.ContentDefinitions, ContentDefinitionJson.Write(definitions), cancellationToken);
        _definitions = definitions;
    }

    public async Task<JsonNode?> GetDocumentAsync(string key, CancellationToken cancellationToken)
    {
        var json = await db.Documents.Where(d => d.Key == key).Select(d => d.Json).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonNode.Parse(json);
    }

    public async Task SaveDocumentAsync(string key, JsonNode value, CancellationToken cancellationToken)
    {
        await BeginWriteAsync(cancellationToken);
        var json = value.ToJsonString(ContentItem.JsonOptions);
        var existing = await db.Documents.AsTracking().FirstOrDefaultAsync(d => d.Key == key, cancellationToken);
        if (existing is null)
        {
            db.Documents.Add(new DocumentRecord { Key = key, Json = json, ModifiedUtc = clock.GetUtcNow().UtcDateTime });
        }
        else if (existing.Json != json)
        {
            existing.Json = json;
            existing.ModifiedUtc = clock.GetUtcNow().UtcDateTime;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Keys of the well-known documents each tenant stores.</summary>
public static class DocumentKeys
{
    public const string ContentDefinitions = "ContentDefinitions";
    public const string Features = "Features";
    public const string Site = "Site";
    public const string Roles = "Roles";
    public const string Setup = "Setup";
}
