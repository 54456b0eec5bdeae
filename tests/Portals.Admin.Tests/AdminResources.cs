using System.Xml.Linq;

namespace Portals.Admin.Tests;

/// <summary>The admin module's sources and resource files, read from the repository the tests were built from.</summary>
internal static class AdminResources
{
    public static string Module { get; } = Path.Combine(RepositoryRoot(), "modules", "Portals.Admin");

    /// <summary>The names of the texts in one of the module's <c>Resources/*.resx</c> files.</summary>
    public static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Module, "Resources", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Portals.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Portals.sln not found above the test folder.");
    }
}
