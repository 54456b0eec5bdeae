using System.Text.RegularExpressions;
using Portals.Admin.Media;

namespace Portals.Admin.Tests.Media;

/// <summary>The media and API-client screens' texts: both languages have the same keys, and every key used exists.</summary>
public sealed partial class MediaTextTests
{
    private static readonly string Module = AdminResources.Module;

    [Fact]
    public void Both_languages_have_the_same_keys()
    {
        var vietnamese = AdminResources.Keys("MediaText.resx");
        var english = AdminResources.Keys("MediaText.en.resx");

        Assert.True(vietnamese.Count > 50, $"Only {vietnamese.Count} keys: the file was not read.");
        Assert.Equal(vietnamese.Order(), english.Order());
    }

    [Fact]
    public void Every_key_the_screens_use_and_every_refusal_has_a_text()
    {
        var files = new[] { "Media", Path.Combine("Areas", "Admin", "Pages", "Media"), Path.Combine("Areas", "Admin", "Pages", "ApiClients") }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Module, folder), "*.cs*"))
            .ToList();
        var used = files.SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(Enum.GetValues<MediaRefusal>().Select(r => new MediaProblem(r).ResourceKey))
            .ToHashSet();

        Assert.Contains("Media.Refused.ContentMismatch", used);
        Assert.Contains("ApiClients.Deleted", used);
        Assert.True(used.Count > 60, $"Only {used.Count} keys found: the scan is broken.");
        Assert.Empty(used.Except(AdminResources.Keys("MediaText.resx")));
    }



    // M["Key"] in views and models, and the keys passed around as literals ("Media.FileDeleted", "ApiClients.Disabled").
    [GeneratedRegex("\"((?:Nav|Media|Picker|Upload|ApiClients)\\.[A-Z][A-Za-z]*(?:\\.[A-Z][A-Za-z]*)*)\"")]
    private static partial Regex UsedKey();
}
