using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portals.Core.Tenants;

namespace Portals.Themes.Http;

/// <summary>
/// Output caching for anonymous GET/HEAD of public pages: keyed by host, path, every query value and the tenant's
/// <see cref="PageCacheGenerations">generation</see>; only 200 responses without cookies or <c>no-store</c> are kept.
/// The output-cache middleware answers a matching <c>If-None-Match</c> from the stored ETag with 304.
/// </summary>
internal sealed class PublicPageCachePolicy(PageCacheGenerations generations, IOptions<ThemesOptions> options) : IOutputCachePolicy
{
    public const string Name = "portals-public-page";
    private const string GenerationKey = "portals-generation";

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var tenant = http.Features.Get<TenantFeature>()?.Tenant;
        var cacheable = options.Value.OutputCache && tenant is not null
            && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && http.Request.Headers.Authorization.Count == 0;
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = cacheable;
        if (!cacheable)
        {
            return;
        }
        var store = http.RequestServices.GetRequiredService<IOutputCacheStore>();
        var generation = await generations.EnterAsync(tenant!.Name, store, cancellation);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues[GenerationKey] = generation;
        context.Tags.Add(PageCacheGenerations.Tag(tenant.Name, generation));
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(options.Value.PageCacheSeconds);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.SetCookie.Count > 0
            || response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
