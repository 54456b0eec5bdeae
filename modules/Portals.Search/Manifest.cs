using Portals.Core.Modules;

namespace Portals.Search;

public static class Manifest
{
    public static readonly ModuleManifest Value = new(
        Id: "Portals.Search",
        Name: "Tìm kiếm",
        Dependencies: ["Portals.Taxonomies"],
        Description: "One Vietnamese full-text index shared by both portals, fed by each tenant's change log.");
}
