using System.Text.RegularExpressions;
using Portals.Admin.Content;
using Portals.Core.Content;

namespace Portals.Admin.Tests;

/// <summary>The content workspace's texts (Resources/ContentText*.resx): both languages hold the same keys, and every key the code names.</summary>
public sealed partial class ContentTextTests
{
    private static readonly string[] Prefixes =
        ["Shared", "Menu", "Status", "List", "Edit", "Field", "Picker", "Workflow", "Conflict", "History", "Preview", "Sectors", "Dashboard"];

    [Fact]
    public void Both_languages_have_the_same_keys_and_every_key_the_content_pages_use()
    {
        var module = AdminResources.Module;
        var vietnamese = AdminResources.Keys("ContentText.resx");
        var english = AdminResources.Keys("ContentText.en.resx");
        Assert.Equal(vietnamese.Order(), english.Order());

        var sources = new[] { "Content", "Areas/Admin/Pages/Content", "Areas/Admin/Pages/Sectors", "Areas/Admin/Pages/Dashboard" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(module, folder), "*.cs*", SearchOption.AllDirectories))
            .Append(Path.Combine(module, "Areas", "Admin", "Pages", "Shared", "_ContentNav.cshtml"));
        var used = sources.SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => Prefixes.Contains(k.Split('.')[0]))
            .Concat(Enum.GetValues<ContentStatus>().Select(ContentStates.Key))
            .ToHashSet();
        Assert.True(used.Count > 100, $"Only {used.Count} keys found: the scan is broken.");
        Assert.Empty(used.Except(vietnamese));
    }



    [GeneratedRegex("\"([A-Z][A-Za-z]+(?:\\.[A-Z][A-Za-z]*)+)\"")]
    private static partial Regex Key();
}
