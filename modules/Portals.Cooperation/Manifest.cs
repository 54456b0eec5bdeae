using Portals.Core.Modules;

namespace Portals.Cooperation;

public static class Manifest
{
    public static readonly ModuleManifest Value = new(
        Id: "Portals.Cooperation",
        Name: "Hợp tác phát triển",
        Dependencies: ["Portals.Taxonomies"],
        Description: "Cooperation programmes, sector agreements, key projects and progress reports.")
    {
        FeatureRecipe = "Portals.Cooperation.Recipes.cooperation.recipe.json",
        Assembly = typeof(Manifest).Assembly,
    };
}
