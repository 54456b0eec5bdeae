using Portals.Core.Modules;

namespace Portals.Contents;

public static class Manifest
{
    public static readonly ModuleManifest Value = new(
        Id: "Portals.Contents",
        Name: "API nội dung",
        Dependencies: ["Portals.Taxonomies"],
        Description: "The JSON content API that partner sites consume, in Orchard Core's wire format.");
}
