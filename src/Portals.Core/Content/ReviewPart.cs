using System.Globalization;
using System.Text.Json.Nodes;

namespace Portals.Core.Content;

/// <summary>
/// The review request of a draft, stored in the item as Orchard Core stores any part:
/// <c>"ReviewPart": { "SubmittedUtc": "…", "SubmittedBy": "…" }</c>. An author submits a draft for review by saving it
/// with this part; the store ends the request when a version is published or scheduled (it is then reviewed), so a
/// published version never carries it.
/// </summary>
public static class ReviewPart
{
    public const string Name = "ReviewPart";

    public static DateTime? SubmittedUtc(ContentItem item) =>
        item.Part(Name)?["SubmittedUtc"] is JsonValue value && value.TryGetValue(out string? text)
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at)
            ? at : null;

    public static string? SubmittedBy(ContentItem item) =>
        item.Part(Name)?["SubmittedBy"] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public static void Submit(ContentItem item, string? by, DateTime utc) =>
        item.Data[Name] = new JsonObject
        {
            ["SubmittedUtc"] = DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
            ["SubmittedBy"] = by,
        };

    public static void Clear(ContentItem item) => item.Data.Remove(Name);
}
