using System.Text.Json.Nodes;
using Portals.Contents.OpenApi;
using Portals.Core.Content;
using Portals.Core.Definitions;
using Portals.Core.Validation;

namespace Portals.Contents.Endpoints;

/// <summary>
/// Liberal in what the upsert accepts: member names written in another letter case (<c>contentType</c>, <c>titlePart</c>,
/// <c>text</c>) are matched to the names the document declares, so a client built from an older, camelCase document keeps
/// working. What is stored and sent stays Orchard Core's PascalCase. One name written twice in two cases is a 400.
/// </summary>
public static class InputNames
{
    /// <summary>The metadata members (<see cref="ContentItem.MetadataNames"/>).</summary>
    public static void Metadata(JsonObject posted) => Match(posted, ContentItem.MetadataNames, "");

    /// <summary>The parts of <paramref name="contentType"/>, their fields and the fields' values, as the definitions name them.</summary>
    public static void Parts(JsonObject posted, ContentDefinitionSet definitions, string? contentType)
    {
        if (contentType is null || definitions.FindType(contentType) is not { } type)
        {
            return;
        }
        Match(posted, type.Parts.Select(p => p.Name).Append(PartSchemas.PublishLater), "");
        foreach (var typePart in type.Parts.Append(new ContentTypePartDefinition(PartSchemas.PublishLater, PartSchemas.PublishLater, default)))
        {
            if (posted[typePart.Name] is not JsonObject part)
            {
                continue;
            }
            var fields = definitions.FindPart(typePart.PartName)?.Fields ?? [];
            Match(part, PartSchemas.KnownMembers(typePart.PartName).Concat(fields.Select(f => f.Name)), typePart.Name + ".");
            foreach (var field in fields)
            {
                if (part[field.Name] is JsonObject value && FieldSchemas.Kind(field.FieldName)["properties"] is JsonObject members)
                {
                    Match(value, members.Select(m => m.Key), $"{typePart.Name}.{field.Name}.");
                }
            }
        }
    }

    private static void Match(JsonObject target, IEnumerable<string> names, string where)
    {
        var canonical = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in target.ToList())
        {
            if (!canonical.TryGetValue(name, out var proper) || proper == name)
            {
                continue;
            }
            if (target.ContainsKey(proper))
            {
                throw new ContentValidationException([new(where + proper, $"'{where}{name}' và '{where}{proper}' là cùng một thuộc tính; chỉ gửi một trong hai.")]);
            }
            target.Remove(name);
            target[proper] = value;
        }
    }
}
