using Portals.Core.Modules;

namespace Portals.Taxonomies;

public static class Manifest
{
    public static readonly ModuleManifest Value = new(
        Id: "Portals.Taxonomies",
        Name: "Danh mục phân loại",
        Dependencies: [],
        Description: "Taxonomy and the Sector term type, identical in both tenants.")
    {
        FeatureRecipe = "Portals.Taxonomies.Recipes.taxonomies.recipe.json",
        Assembly = typeof(Manifest).Assembly,
    };
}
