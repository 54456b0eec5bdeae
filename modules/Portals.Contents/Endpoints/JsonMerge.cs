using System.Text.Json.Nodes;

namespace Portals.Contents.Endpoints;

/// <summary>
/// Orchard Core's API merge (<c>ContentItem.Merge</c> with <c>MergeArrayHandling.Replace</c>): objects merge
/// recursively, arrays and scalars replace, and nulls are ignored, so a partial document only touches what it names.
/// </summary>
public static class JsonMerge
{
    public static void Into(JsonObject target, JsonObject source)
    {
        foreach (var (name, value) in source)
        {
            if (value is null)
            {
                continue;
            }
            if (value is JsonObject incoming && target[name] is JsonObject existing)
            {
                Into(existing, incoming);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
