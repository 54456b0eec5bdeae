using Microsoft.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Validation;
using Portals.Core.Cluster;
using Portals.Core.Tenants;

namespace Portals.Core.Security.Tokens;

/// <summary>
/// OpenIddict token server in degraded mode (clients live in each tenant's own ApiClients table, checked by
/// <see cref="ClientCredentialsValidation"/>) plus local validation of access tokens, which also rejects another
/// tenant's token and the token of a client that was disabled or deleted since (<see cref="ActiveClientValidation"/>).
/// </summary>
internal static class ApiAuthentication
{
    public const string TenantClaim = "portals_tenant";

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiBearerScheme>(
            ApiPolicies.BearerScheme, ApiBearerScheme.Configure);
        services.AddSingleton<ClientCredentialsValidation>();
        services.AddSingleton<ActiveClientValidation>();
        services.AddOpenIddict()
            .AddServer(options =>
            {
                options.EnableDegradedMode();
                options.AllowClientCredentialsFlow();
                options.DisableScopeValidation();
                options.AddEventHandler(ClientCredentialsValidation.Descriptor);
                options.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    // TLS ends at the reverse proxy; tests and development run on plain http.
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.UseAspNetCore();
                options.AddEventHandler(ActiveClientValidation.Descriptor);
            });

        // Endpoint URIs, issuer and keys depend on the configured tenants and data folder, known only once DI is built.
        services.AddOptions<OpenIddictServerOptions>()
            .Configure<TenantRegistry, IOptions<ApiSecurityOptions>, ILoggerFactory, ClusterDatabase>((server, registry, api, loggers, cluster) =>
            {
                foreach (var tenant in registry.All)
                {
                    server.TokenEndpointUris.Add(new Uri($"{tenant.UrlPrefix}/connect/token", UriKind.Relative));
                    // Routing accepts a trailing slash, so OpenIddict must handle it too (unhandled, it was a 500).
                    server.TokenEndpointUris.Add(new Uri($"{tenant.UrlPrefix}/connect/token/", UriKind.Relative));
                }
                server.Issuer = new Uri(api.Value.Issuer);
                server.AccessTokenLifetime = TimeSpan.FromMinutes(api.Value.AccessTokenLifetimeMinutes);
                var folder = Path.Combine(registry.DataRoot, api.Value.KeysPath);
                var logger = loggers.CreateLogger(typeof(ApiAuthentication));
                server.SigningCredentials.Add(new SigningCredentials(TokenKeys.LoadOrCreate(folder, cluster, "signing", logger), SecurityAlgorithms.RsaSha256));
                server.EncryptionCredentials.Add(new EncryptingCredentials(TokenKeys.LoadOrCreate(folder, cluster, "encryption", logger),
                    SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
            });
        return services;
    }
}

/// <summary>
/// Runs after OpenIddict validated a token: the token must name the request's tenant (a valid token of another
/// tenant is an invalid token here: 401, never 403), and its client must still exist and be enabled.
/// </summary>
internal sealed class ActiveClientValidation(ApiClientStatus clients, ILogger<ActiveClientValidation> logger)
    : IOpenIddictValidationHandler<OpenIddictValidationEvents.ProcessAuthenticationContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<OpenIddictValidationEvents.ProcessAuthenticationContext>()
            .UseSingletonHandler<ActiveClientValidation>()
            .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 1_000)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictValidationEvents.ProcessAuthenticationContext context)
    {
        if (context.AccessTokenPrincipal is not { } principal)
        {
            return;
        }
        var http = context.Transaction.GetHttpRequest()?.HttpContext;
        var tenant = http?.Features.Get<TenantFeature>()?.Tenant;
        var claimed = principal.FindFirst(ApiAuthentication.TenantClaim)?.Value;
        if (tenant is null || !string.Equals(claimed, tenant.Name, StringComparison.Ordinal))
        {
            CoreLog.ForeignToken(logger, claimed, tenant?.Name ?? "(none)");
            context.Reject(OpenIddict.Abstractions.OpenIddictConstants.Errors.InvalidToken, "The token was issued by another tenant.");
            return;
        }
        var clientId = principal.FindFirst(OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject)?.Value;
        if (clientId is null || !await clients.IsActiveAsync(tenant, clientId, http!.RequestAborted))
        {
            CoreLog.InactiveClientToken(logger, clientId, tenant.Name);
            context.Reject(OpenIddict.Abstractions.OpenIddictConstants.Errors.InvalidToken, "The client of this token was disabled or removed.");
        }
    }
}
