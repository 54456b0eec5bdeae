using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portals.Core.Definitions;

/// <summary>Reads and writes definitions in Orchard Core's <c>ContentDefinition</c> recipe step shape.</summary>
public static class ContentDefinitionJson
{
    private static readonly JsonElement EmptySettings = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>Parses <c>{ "ContentTypes": [...], "ContentParts": [...] }</c>; errors name the type, part or field.</summary>
    public static ContentDefinitionSet Read(JsonElement step)
    {
        var types = ImmutableSortedDictionary.CreateBuilder<string, ContentTypeDefinition>(StringComparer.Ordinal);
        var parts = ImmutableSortedDictionary.CreateBuilder<string, ContentPartDefinition>(StringComparer.Ordinal);
        foreach (var type in Array(step, "ContentTypes"))
        {
            var name = RequiredString(type, "Name", "ContentTypes[]");
            var typeParts = Array(type, "ContentTypePartDefinitionRecords")
                .Select(p =>
                {
                    var partName = RequiredString(p, "PartName", $"ContentTypes[{name}].ContentTypePartDefinitionRecords[]");
                    return new ContentTypePartDefinition(OptionalString(p, "Name") ?? partName, partName, Settings(p));
                })
                .ToImmutableArray();
            types[name] = new ContentTypeDefinition(name, OptionalString(type, "DisplayName") ?? name, Settings(type), typeParts);
        }
        foreach (var part in Array(step, "ContentParts"))
        {
            var name = RequiredString(part, "Name", "ContentParts[]");
            var fields = Array(part, "ContentPartFieldDefinitionRecords")
                .Select(f => new ContentPartFieldDefinition(
                    RequiredString(f, "Name", $"ContentParts[{name}].ContentPartFieldDefinitionRecords[]"),
                    RequiredString(f, "FieldName", $"ContentParts[{name}].ContentPartFieldDefinitionRecords[]"),
                    Settings(f)))
                .ToImmutableArray();
            parts[name] = new ContentPartDefinition(name, Settings(part), fields);
        }
        return new ContentDefinitionSet(types.ToImmutable(), parts.ToImmutable());
    }

    public static JsonObject Write(ContentDefinitionSet set) => new()
    {
        ["ContentTypes"] = new JsonArray(set.Types.Values.Select(t => (JsonNode)new JsonObject
        {
            ["Name"] = t.Name,
            ["DisplayName"] = t.DisplayName,
            ["Settings"] = JsonNode.Parse(t.Settings.GetRawText()),
            ["ContentTypePartDefinitionRecords"] = new JsonArray(t.Parts.Select(p => (JsonNode)new JsonObject
            {
                ["PartName"] = p.PartName,
                ["Name"] = p.Name,
                ["Settings"] = JsonNode.Parse(p.Settings.GetRawText()),
            }).ToArray()),
        }).ToArray()),
        ["ContentParts"] = new JsonArray(set.Parts.Values.Select(p => (JsonNode)new JsonObject
        {
            ["Name"] = p.Name,
            ["Settings"] = JsonNode.Parse(p.Settings.GetRawText()),
            ["ContentPartFieldDefinitionRecords"] = new JsonArray(p.Fields.Select(f => (JsonNode)new JsonObject
            {
                ["FieldName"] = f.FieldName,
                ["Name"] = f.Name,
                ["Settings"] = JsonNode.Parse(f.Settings.GetRawText()),
            }).ToArray()),
        }).ToArray()),
    };

    private static List<JsonElement> Array(JsonElement parent, string name)
    {
        var value = Property(parent, name);
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.Value.ValueKind != JsonValueKind.Array)
        {
            throw new DefinitionFormatException($"'{name}' phải là một mảng JSON.");
        }
        return value.Value.EnumerateArray().ToList();
    }

    private static JsonElement Settings(JsonElement parent) =>
        Property(parent, "Settings") is { ValueKind: JsonValueKind.Object } s ? s.Clone() : EmptySettings;

    private static string RequiredString(JsonElement parent, string name, string where) =>
        OptionalString(parent, name) is { Length: > 0 } s ? s : throw new DefinitionFormatException($"{where}: thiếu thuộc tính '{name}'.");

    private static string? OptionalString(JsonElement parent, string name) =>
        Property(parent, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    /// <summary>Case-insensitive, as Orchard Core's recipe reader is; one implementation serves recipes and definitions.</summary>
    internal static JsonElement? Property(JsonElement parent, string name) => Recipes.Recipe.Property(parent, name);
}

public sealed class DefinitionFormatException(string message) : Exception(message);
