using Microsoft.AspNetCore.Http;

namespace Portals.Core.Tenants;

/// <summary>
/// The tenant a request or a job works for. Resolved once per request and passed explicitly to every
/// storage and search call; it carries configuration only, never data.
/// </summary>
public sealed record TenantContext(
    string Name,
    string DisplayName,
    string UrlPrefix,
    IReadOnlyList<string> Hosts,
    string DatabaseProvider,
    string ConnectionString,
    string DataFolder,
    string? SetupRecipe,
    TenantOptions Options)
{
    /// <summary>Lets minimal API handlers take the resolved tenant as a parameter.</summary>
    public static ValueTask<TenantContext?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.Features.Get<TenantFeature>()?.Tenant);

    /// <summary>The public URL of a path on this tenant's portal.</summary>
    public string PublicUrl(string? path)
    {
        var tail = string.IsNullOrEmpty(path) ? "" : path.TrimStart('/');
        return string.IsNullOrEmpty(Options.PublicBaseUrl) ? $"/{UrlPrefix}/{tail}" : $"{Options.PublicBaseUrl.TrimEnd('/')}/{tail}";
    }
}

/// <summary>HTTP feature carrying the tenant resolved for the request.</summary>
public sealed record TenantFeature(TenantContext Tenant, bool MatchedByHost);
