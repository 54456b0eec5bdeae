using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portals.Core.Validation;

/// <summary>Rules for every piece of text an item holds, whatever part or field it sits in.</summary>
internal static class TextRules
{
    /// <summary>
    /// C0 control characters other than tab, CR and LF are never text an editor means, and XML (RSS) cannot carry
    /// them at all; one of them in any string or property name of the item is an error named after its field.
    /// </summary>
    public static void CheckControlCharacters(JsonObject data, List<FieldError> errors)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        Walk(data, [], errors, reported, depth: 0);
    }

    private static void Walk(JsonNode? node, List<string> path, List<FieldError> errors, HashSet<string> reported, int depth)
    {
        // Depth is bounded by the JSON reader already; the guard only keeps a hand-built object from recursing forever.
        if (node is null || depth > 128)
        {
            return;
        }
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    path.Add(name);
                    if (FirstControl(name) is { } inName)
                    {
                        Report(path, inName, errors, reported);
                    }
                    Walk(value, path, errors, reported, depth + 1);
                    path.RemoveAt(path.Count - 1);
                }
                break;
            case JsonArray array:
                foreach (var element in array)
                {
                    Walk(element, path, errors, reported, depth + 1);
                }
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && FirstControl(value.GetValue<string>()) is { } control:
                Report(path, control, errors, reported);
                break;
        }
    }

    private static char? FirstControl(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' && c is not ('\t' or '\n' or '\r'))
            {
                return c;
            }
        }
        return null;
    }

    /// <summary>Keys follow the other field errors: <c>Part.Field</c> inside parts, the property's name for metadata.</summary>
    private static void Report(List<string> path, char control, List<FieldError> errors, HashSet<string> reported)
    {
        var key = string.Join('.', path.Take(2));
        if (reported.Add(key))
        {
            var code = ((int)control).ToString("X4", CultureInfo.InvariantCulture);
            errors.Add(new(key, $"“{key}” chứa ký tự điều khiển không được phép (U+{code}); chỉ cho phép tab và xuống dòng."));
        }
    }
}
