using System.Text.Json;

namespace Portals.Core.Recipes;

/// <summary>A parsed recipe in Orchard Core's format: a header and ordered steps.</summary>
public sealed record Recipe(string Name, string DisplayName, string Source, bool IsSetupRecipe, JsonElement Root, IReadOnlyList<RecipeStep> Steps)
{
    private static readonly JsonDocumentOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 128,
    };

    /// <summary>Parses recipe JSON (comments and trailing commas allowed); errors say where the JSON breaks.</summary>
    public static Recipe Parse(string json, string source)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, ReaderOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new RecipeException(source, null, null, null, null,
                $"JSON không hợp lệ tại dòng {ex.LineNumber + 1}, vị trí {ex.BytePositionInLine + 1}: {ex.Message}");
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RecipeException(source, null, null, null, null, "Công thức (recipe) phải là một đối tượng JSON.");
        }
        var steps = new List<RecipeStep>();
        if (Property(root, "steps") is { } stepsElement)
        {
            if (stepsElement.ValueKind != JsonValueKind.Array)
            {
                throw new RecipeException(source, null, null, null, null, "'steps' phải là một mảng.");
            }
            var index = 0;
            foreach (var step in stepsElement.EnumerateArray())
            {
                index++;
                var name = step.ValueKind == JsonValueKind.Object && Property(step, "name") is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
                if (string.IsNullOrWhiteSpace(name))
                {
                    throw new RecipeException(source, index, null, null, null, "Bước không có thuộc tính 'name'.");
                }
                steps.Add(new RecipeStep(index, name, step));
            }
        }
        var recipeName = Property(root, "name") is { ValueKind: JsonValueKind.String } rn ? rn.GetString()! : Path.GetFileNameWithoutExtension(source);
        var displayName = Property(root, "displayName") is { ValueKind: JsonValueKind.String } dn ? dn.GetString()! : recipeName;
        var isSetup = Property(root, "issetuprecipe") is { ValueKind: JsonValueKind.True };
        return new Recipe(recipeName, displayName, source, isSetup, root, steps);
    }

    /// <summary>Case-insensitive property lookup: Orchard Core recipes mix <c>Data</c> and <c>data</c>.</summary>
    public static JsonElement? Property(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var property in parent.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }
        return null;
    }
}

/// <summary>One step: its 1-based position, its name and its whole JSON object.</summary>
public sealed record RecipeStep(int Index, string Name, JsonElement Data);

/// <summary>A recipe failure that names the recipe, the step, the item and the field.</summary>
public sealed class RecipeException(string recipe, int? stepIndex, string? stepName, string? itemId, string? field, string detail)
    : Exception(Describe(recipe, stepIndex, stepName, itemId, field, detail))
{
    public string Recipe { get; } = recipe;
    public int? StepIndex { get; } = stepIndex;
    public string? StepName { get; } = stepName;
    public string? ItemId { get; } = itemId;
    public string? Field { get; } = field;
    public string Detail { get; } = detail;

    private static string Describe(string recipe, int? stepIndex, string? stepName, string? itemId, string? field, string detail)
    {
        var where = new List<string> { $"recipe '{recipe}'" };
        if (stepIndex is not null)
        {
            where.Add($"step {stepIndex}" + (stepName is null ? "" : $" ({stepName})"));
        }
        if (itemId is not null)
        {
            where.Add($"item '{itemId}'");
        }
        if (field is not null)
        {
            where.Add($"field '{field}'");
        }
        return $"{string.Join(", ", where)}: {detail}";
    }
}

/// <summary>Thrown by a step handler; the executor adds the recipe and step to it.</summary>
public sealed class RecipeStepException(string detail, string? itemId = null, string? field = null) : Exception(detail)
{
    public string? ItemId { get; } = itemId;
    public string? Field { get; } = field;
}
