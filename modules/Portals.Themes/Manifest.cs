using Portals.Core.Modules;

namespace Portals.Themes;

public static class Manifest
{
    public static readonly ModuleManifest Value = new(
        Id: "Portals.Themes",
        Name: "Giao diện công khai",
        Dependencies: ["Portals.Cooperation", "Portals.Investment", "Portals.News", "Portals.Search"],
        Description: "The public cooperation section of each portal: Liquid themes, item and list pages, search, sitemap.");
}
