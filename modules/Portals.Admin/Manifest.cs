using Portals.Core.Modules;

namespace Portals.Admin;

public static class Manifest
{
    public static readonly ModuleManifest Value = new(
        Id: "Portals.Admin",
        Name: "Trang quản trị",
        Dependencies: ["Portals.Search"],
        Description: "The editors' workspace at /{tenant}/admin: sign-in, users and roles, audit log, content lists, editors, workflow and history, sectors; server-rendered Razor Pages.");
}
