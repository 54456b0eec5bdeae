using Portals.Core.Modules;

namespace Portals.Investment;

public static class Manifest
{
    public static readonly ModuleManifest Value = new(
        Id: "Portals.Investment",
        Name: "Đầu tư",
        Dependencies: ["Portals.Taxonomies"],
        Description: "Investment calls and investment promotion events.")
    {
        FeatureRecipe = "Portals.Investment.Recipes.investment.recipe.json",
        Assembly = typeof(Manifest).Assembly,
    };
}
