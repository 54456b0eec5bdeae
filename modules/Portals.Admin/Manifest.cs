using Portals.Core.Modules;

namespace Portals.Admin;

public static class Manifest
{
    public static readonly ModuleManifest Value = new(
        Id: "Portals.Admin",
        Name: "Trang quản trị",
        Dependencies: [],
        Description: "The editors' workspace at /{tenant}/admin: sign-in, users and roles, audit log; server-rendered Razor Pages.");
}
