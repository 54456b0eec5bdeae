using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Portals.Core.Tenants;

namespace Portals.Admin.Http;

/// <summary>
/// Binds every antiforgery token to the tenant that issued it: the antiforgery cookie is shared by the tenants of one
/// host, so without this a token of one portal's form would pass on the other's.
/// </summary>
internal sealed class TenantAntiforgeryData : IAntiforgeryAdditionalDataProvider
{
    public string GetAdditionalData(HttpContext context) => TenantOf(context);

    public bool ValidateAdditionalData(HttpContext context, string additionalData) =>
        string.Equals(additionalData, TenantOf(context), StringComparison.Ordinal);

    private static string TenantOf(HttpContext context) => context.Features.Get<TenantFeature>()?.Tenant.Name ?? "";
}
