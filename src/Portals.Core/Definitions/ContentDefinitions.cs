using System.Collections.Immutable;
using System.Text.Json;

namespace Portals.Core.Definitions;

/// <summary>A content type: an ordered list of parts with settings. Immutable.</summary>
public sealed record ContentTypeDefinition(string Name, string DisplayName, JsonElement Settings, ImmutableArray<ContentTypePartDefinition> Parts)
{
    public ContentTypePartDefinition? FindPart(string name) => Parts.FirstOrDefault(p => p.Name == name);

    public bool HasPart(string partName) => Parts.Any(p => p.PartName == partName);
}

/// <summary>A part attached to a type, under the property <see cref="Name"/>.</summary>
public sealed record ContentTypePartDefinition(string Name, string PartName, JsonElement Settings);

/// <summary>A reusable part: named fields with settings.</summary>
public sealed record ContentPartDefinition(string Name, JsonElement Settings, ImmutableArray<ContentPartFieldDefinition> Fields);

/// <summary>A field on a part; <see cref="FieldName"/> is its kind (TextField, NumericField, …).</summary>
public sealed record ContentPartFieldDefinition(string Name, string FieldName, JsonElement Settings)
{
    /// <summary>The editor-facing name, falling back to the technical one.</summary>
    public string DisplayName =>
        Settings.TryGetProperty("ContentPartFieldSettings", out var s) && s.TryGetProperty("DisplayName", out var d)
            && d.ValueKind == JsonValueKind.String && d.GetString() is { Length: > 0 } name ? name : Name;

    /// <summary>A setting such as <c>NumericFieldSettings.Minimum</c>, or null.</summary>
    public JsonElement? Setting(string group, string name) =>
        Settings.ValueKind == JsonValueKind.Object && Settings.TryGetProperty(group, out var g)
            && g.ValueKind == JsonValueKind.Object && g.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;
}

/// <summary>Every type and part of one tenant. Immutable: edits produce a new set.</summary>
public sealed record ContentDefinitionSet(ImmutableSortedDictionary<string, ContentTypeDefinition> Types, ImmutableSortedDictionary<string, ContentPartDefinition> Parts)
{
    public static readonly ContentDefinitionSet Empty =
        new(ImmutableSortedDictionary.Create<string, ContentTypeDefinition>(StringComparer.Ordinal),
            ImmutableSortedDictionary.Create<string, ContentPartDefinition>(StringComparer.Ordinal));

    public ContentTypeDefinition? FindType(string name) => Types.GetValueOrDefault(name);

    public ContentPartDefinition? FindPart(string name) => Parts.GetValueOrDefault(name);

    /// <summary>Types and parts of <paramref name="other"/> replace those of the same name.</summary>
    public ContentDefinitionSet Merge(ContentDefinitionSet other) =>
        new(Types.SetItems(other.Types), Parts.SetItems(other.Parts));
}
