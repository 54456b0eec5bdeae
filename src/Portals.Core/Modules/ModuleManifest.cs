namespace Portals.Core.Modules;

/// <summary>What a module is: its id, display name and the modules it needs.</summary>
public sealed record ModuleManifest(string Id, string Name, IReadOnlyList<string> Dependencies, string Description = "")
{
    /// <summary>Embedded recipe (manifest resource name) applied when the feature is enabled, usually its content definitions.</summary>
    public string? FeatureRecipe { get; init; }

    /// <summary>The assembly holding <see cref="FeatureRecipe"/>.</summary>
    public System.Reflection.Assembly? Assembly { get; init; }
}
