using System.Globalization;
using System.Text.Json.Nodes;
using Portals.Core.Content;
using Portals.Core.Definitions;

namespace Portals.Core.Validation;

/// <summary>
/// Writes date values in one form, as Orchard Core's DateField and DateTimeField do: ISO 8601 in UTC
/// (<c>2021-12-31T00:00:00.0000000Z</c>). The save accepts any ISO 8601 date or time; readers get one format,
/// the <c>date-time</c> the API's schemas promise.
/// </summary>
public static class FieldValues
{
    /// <summary>Rewrites, in place, the date fields the item's type declares; runs after validation, so every value parses.</summary>
    public static void Normalize(ContentItem item, ContentDefinitionSet definitions)
    {
        foreach (var typePart in definitions.FindType(item.ContentType)?.Parts ?? [])
        {
            if (item.Part(typePart.Name) is not { } part)
            {
                continue;
            }
            foreach (var field in definitions.FindPart(typePart.PartName)?.Fields ?? [])
            {
                if (field.FieldName is "DateField" or "DateTimeField" && part[field.Name] is JsonObject value
                    && value["Value"] is JsonValue date && FieldRules.ParseDate(date) is { } parsed)
                {
                    // A date is the calendar day as written, whatever offset came with it; a time is an instant.
                    var utc = field.FieldName == "DateField"
                        ? new DateTime(parsed.Year, parsed.Month, parsed.Day, 0, 0, 0, DateTimeKind.Utc)
                        : parsed.UtcDateTime;
                    value["Value"] = utc.ToString("O", CultureInfo.InvariantCulture);
                }
            }
        }
    }
}
