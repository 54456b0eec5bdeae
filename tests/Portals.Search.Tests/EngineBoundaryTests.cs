using System.Text.RegularExpressions;

namespace Portals.Search.Tests;

/// <summary>The port, the indexer and the HTTP endpoints stay engine-neutral; only <c>Lucene/</c> (and the registration) knows the engine.</summary>
public sealed partial class EngineBoundaryTests
{
    [Theory]
    [InlineData("Abstractions")]
    [InlineData("Indexing")]
    [InlineData("Http")]
    public void EngineNeutralFolder_NeverReferencesTheLuceneEngine(string folder)
    {
        var files = Directory.GetFiles(Path.Combine(ModuleFolder(), folder), "*.cs");

        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.Empty(EngineReference().Matches(File.ReadAllText(file))));
    }

    /// <summary>The engine's namespaces and the implementation's types; a comment naming Lucene is fine.</summary>
    [GeneratedRegex(@"\bLucene\.Net\b|Portals\.Search\.Lucene\b|\bLuceneSearchIndex\w*")]
    private static partial Regex EngineReference();

    private static string ModuleFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var module = Path.Combine(dir.FullName, "modules", "Portals.Search");
            if (Directory.Exists(module))
            {
                return module;
            }
        }
        throw new DirectoryNotFoundException("modules/Portals.Search above " + AppContext.BaseDirectory);
    }
}
