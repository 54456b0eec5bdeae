using Portals.Core.Recipes;

namespace Portals.Core.Tests;

public sealed class RecipeParseTests
{
    [Fact]
    public void Parse_CommentsAndTrailingCommas_Accepted()
    {
        var recipe = Recipe.Parse("""
        {
          // Orchard Core recipes may carry comments
          "name": "demo", "displayName": "Thử nghiệm",
          "steps": [ { "name": "Settings", "SiteName": "A", }, ],
        }
        """, "demo.recipe.json");
        Assert.Equal("demo", recipe.Name);
        Assert.Equal("Settings", Assert.Single(recipe.Steps).Name);
    }

    [Fact]
    public void Parse_MalformedJson_ErrorGivesLine()
    {
        var ex = Assert.Throws<RecipeException>(() => Recipe.Parse("{\n  \"name\": \"x\",\n  \"steps\": [ { ] \n}", "bad.recipe.json"));
        Assert.Contains("dòng 3", ex.Message);
        Assert.Equal("bad.recipe.json", ex.Recipe);
    }

    [Fact]
    public void Parse_StepWithoutName_ErrorNamesStep()
    {
        var ex = Assert.Throws<RecipeException>(() => Recipe.Parse("""{ "steps": [ { "name": "settings" }, { "enable": [] } ] }""", "x"));
        Assert.Equal(2, ex.StepIndex);
    }

    [Fact]
    public void Property_DifferentCase_Found()
    {
        var recipe = Recipe.Parse("""{ "steps": [ { "NAME": "content", "Data": [] } ] }""", "x");
        Assert.NotNull(Recipe.Property(recipe.Steps[0].Data, "data"));
        Assert.Equal("content", recipe.Steps[0].Name);
    }
}
