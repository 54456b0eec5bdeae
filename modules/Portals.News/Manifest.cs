using Portals.Core.Modules;

namespace Portals.News;

public static class Manifest
{
    public static readonly ModuleManifest Value = new(
        Id: "Portals.News",
        Name: "Tin tức",
        Dependencies: ["Portals.Taxonomies"],
        Description: "News articles of the cooperation section.")
    {
        FeatureRecipe = "Portals.News.Recipes.news.recipe.json",
        Assembly = typeof(Manifest).Assembly,
    };
}
