using Portals.Core.Modules;

namespace Portals.Core.Recipes;

public sealed class RecipeOptions
{
    /// <summary>Folder of <c>*.recipe.json</c> files; defaults to the <c>recipes</c> folder copied beside the binaries.</summary>
    public string? RecipesPath { get; set; }
}

/// <summary>Finds recipes by name: files in the recipes folder, and the feature recipes embedded in modules.</summary>
public sealed class RecipeCatalog(Microsoft.Extensions.Options.IOptions<RecipeOptions> options)
{
    public string Folder { get; } = options.Value.RecipesPath is { Length: > 0 } path
        ? Path.GetFullPath(path)
        : Path.Combine(AppContext.BaseDirectory, "recipes");

    /// <summary>The recipe whose header <c>name</c> (or file name) matches, from the recipes folder.</summary>
    public Recipe? Find(string name)
    {
        if (!Directory.Exists(Folder))
        {
            return null;
        }
        foreach (var file in Directory.EnumerateFiles(Folder, "*.recipe.json").Order(StringComparer.Ordinal))
        {
            var recipe = Recipe.Parse(File.ReadAllText(file), Path.GetFileName(file));
            if (recipe.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                || Path.GetFileName(file).Equals(name + ".recipe.json", StringComparison.OrdinalIgnoreCase))
            {
                return recipe;
            }
        }
        return null;
    }

    public static Recipe Load(string file) => Recipe.Parse(File.ReadAllText(file), Path.GetFileName(file));

    /// <summary>The recipe a module ships for when its feature is enabled, if any.</summary>
    public static Recipe? FeatureRecipe(ModuleManifest manifest)
    {
        if (manifest.FeatureRecipe is null || manifest.Assembly is null)
        {
            return null;
        }
        using var stream = manifest.Assembly.GetManifestResourceStream(manifest.FeatureRecipe)
            ?? throw new InvalidOperationException($"Module '{manifest.Id}' declares missing recipe resource '{manifest.FeatureRecipe}'.");
        using var reader = new StreamReader(stream);
        return Recipe.Parse(reader.ReadToEnd(), manifest.FeatureRecipe);
    }
}
