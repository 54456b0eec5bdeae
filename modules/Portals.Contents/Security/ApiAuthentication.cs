using Microsoft.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using Portals.Core.Tenants;

namespace Portals.Contents.Security;

/// <summary>
/// OpenIddict token server in degraded mode (clients live in each tenant's own ApiClients table, checked by
/// <see cref="TokenEndpoint"/>) plus local validation of access tokens, which also rejects another tenant's token.
/// </summary>
internal static class ApiAuthentication
{
    public const string TenantClaim = "portals_tenant";
    public const string Scheme = ApiBearerScheme.Name;

    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiBearerScheme>(ApiBearerScheme.Name, ApiBearerScheme.Configure);
        services.AddSingleton<ApiClients>();
        services.AddSingleton<ClientCredentialsValidation>();
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
                options.AddEventHandler<OpenIddictValidationEvents.ProcessAuthenticationContext>(handler => handler
                    .UseInlineHandler(RejectForeignTenant)
                    .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 1_000)
                    .SetType(OpenIddictValidationHandlerType.Custom));
            });

        // Endpoint URIs, issuer and keys depend on the configured tenants and data folder, known only once DI is built.
        services.AddOptions<OpenIddictServerOptions>()
            .Configure<TenantRegistry, IOptions<ContentsApiOptions>, ILoggerFactory>((server, registry, api, loggers) =>
            {
                foreach (var tenant in registry.All)
                {
                    server.TokenEndpointUris.Add(new Uri($"{tenant.UrlPrefix}/connect/token", UriKind.Relative));
                }
                server.Issuer = new Uri(api.Value.Issuer);
                server.AccessTokenLifetime = TimeSpan.FromMinutes(api.Value.AccessTokenLifetimeMinutes);
                var folder = Path.Combine(registry.DataRoot, api.Value.KeysPath);
                var logger = loggers.CreateLogger(typeof(ApiAuthentication));
                server.SigningCredentials.Add(new SigningCredentials(TokenKeys.LoadOrCreate(folder, "signing", logger), SecurityAlgorithms.RsaSha256));
                server.EncryptionCredentials.Add(new EncryptingCredentials(TokenKeys.LoadOrCreate(folder, "encryption", logger),
                    SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
            });
        return services;
    }

    /// <summary>A valid token of another tenant is treated as an invalid token: 401, never 403.</summary>
    private static ValueTask RejectForeignTenant(OpenIddictValidationEvents.ProcessAuthenticationContext context)
    {
        if (context.AccessTokenPrincipal is not { } principal)
        {
            return default;
        }
        var http = context.Transaction.GetHttpRequest()?.HttpContext;
        var tenant = http?.Features.Get<TenantFeature>()?.Tenant;
        var claimed = principal.FindFirst(TenantClaim)?.Value;
        if (tenant is null || !string.Equals(claimed, tenant.Name, StringComparison.Ordinal))
        {
            if (http is not null)
            {
                ContentsLog.ForeignToken(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiAuthentication)),
                    claimed, tenant?.Name ?? "(none)");
            }
            context.Reject(OpenIddict.Abstractions.OpenIddictConstants.Errors.InvalidToken, "The token was issued by another tenant.");
        }
        return default;
    }
}
