using System.Text.Json.Nodes;

namespace Portals.Contents.OpenApi;

/// <summary>The <c>$ref</c>s of a document's JSON: pointing them elsewhere, and dropping the schemas none points at.</summary>
internal static class SchemaReferences
{
    private const string Prefix = "#/components/schemas/";

    /// <summary>Points every <c>$ref</c> to <paramref name="from"/> at <paramref name="to"/>.</summary>
    public static void Retarget(JsonNode? node, string from, string to)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() == from)
                {
                    obj["$ref"] = to;
                }
                foreach (var (_, child) in obj)
                {
                    Retarget(child, from, to);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Retarget(child, from, to);
                }
                break;
        }
    }

    /// <summary>Removes component schemas nothing refers to (e.g. ones the per-tenant schemas replaced).</summary>
    public static void Prune(JsonObject document)
    {
        var schemas = DocumentConventions.Components(document, "schemas");
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode>();
        foreach (var (name, node) in document)
        {
            if (name != "components" && node is not null)
            {
                pending.Push(node);
            }
        }
        foreach (var (name, node) in document["components"]!.AsObject())
        {
            if (name != "schemas" && node is not null)
            {
                pending.Push(node);
            }
        }
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case JsonObject obj:
                    if (obj["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith(Prefix, StringComparison.Ordinal)
                        && reached.Add(reference[Prefix.Length..]) && schemas[reference[Prefix.Length..]] is { } target)
                    {
                        pending.Push(target);
                    }
                    foreach (var (_, child) in obj)
                    {
                        if (child is not null)
                        {
                            pending.Push(child);
                        }
                    }
                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        if (child is not null)
                        {
                            pending.Push(child);
                        }
                    }
                    break;
            }
        }
        foreach (var name in schemas.Select(s => s.Key).Where(n => !reached.Contains(n)).ToList())
        {
            schemas.Remove(name);
        }
    }
}
