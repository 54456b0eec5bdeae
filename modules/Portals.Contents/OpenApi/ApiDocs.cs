using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Portals.Core.Http;
using Portals.Core.Tenants;
using Scalar.AspNetCore;

namespace Portals.Contents.OpenApi;

/// <summary>
/// The OpenAPI documents and the Scalar reference. Two generated documents: <see cref="Node"/> (routes outside any
/// portal: the shared search, health) at <c>/openapi/v1.json</c>, and <see cref="Tenant"/> (every portal route), made
/// into each portal's own document at <c>/{tenant}/openapi/v1.json</c> (<see cref="ApiDocuments"/>).
/// </summary>
internal static class ApiDocs
{
    public const string SchemeName = "oauth2";
    public const string Node = "node";
    public const string Tenant = "tenant";

    public static IServiceCollection AddApiDocs(this IServiceCollection services)
    {
        services.AddOpenApi(Node, options =>
        {
            options.ShouldInclude = description => !IsTenantRoute(description);
            options.AddOperationTransformer<OperationConventions>();
            options.AddDocumentTransformer(AddProblemSchemasAsync);
        });
        services.AddOpenApi(Tenant, options =>
        {
            options.ShouldInclude = IsTenantRoute;
            options.AddOperationTransformer<OperationConventions>();
            options.AddDocumentTransformer(AddProblemSchemasAsync);
            options.AddDocumentTransformer((document, context, cancellationToken) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "Client credentials of this portal (POST /connect/token); a token of one portal is refused by the other (401).",
                    // Replaced per request by the portal's own token URL (TenantDocument.Address).
                    Flows = new OpenApiOAuthFlows { ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri("/connect/token", UriKind.Relative) } },
                };
                return Task.CompletedTask;
            });
        });
        services.AddSingleton<ApiDocuments>();
        return services;
    }

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/openapi/v1.json", ApiDocuments.GetNodeDocumentAsync).ExcludeFromDescription()
            .RequireCors(PortalsCors.Api).RequireRateLimiting(PortalsRateLimits.Anonymous).WithContentSecurityPolicy(ContentSecurityPolicyMetadata.Api);
        endpoints.MapTenantGroup().WithPortalsApiPolicies()
            .MapGet("/openapi/v1.json", ApiDocuments.GetTenantDocumentAsync).ExcludeFromDescription();

        var registry = endpoints.ServiceProvider.GetRequiredService<TenantRegistry>();
        // Every portal's document, then the shared one; on a portal's host only its own (the others are not reachable there).
        endpoints.MapScalarApiReference("/api-docs", (options, http) =>
            {
                foreach (var tenant in registry.All.OrderBy(t => t.Name, StringComparer.Ordinal))
                {
                    options.AddDocument(tenant.Name, $"{tenant.DisplayName} ({tenant.Name})", $"/{tenant.UrlPrefix}/openapi/v1.json");
                }
                options.AddDocument(Node, "Tìm kiếm chung (both portals)", "/openapi/v1.json");
                Configure(options, http);
            })
            .RequireRateLimiting(PortalsRateLimits.Anonymous);
        endpoints.MapScalarApiReference(TenantRouteExtensions.Prefix + "/api-docs", (options, http) =>
            {
                var feature = http.Features.Get<TenantFeature>()!;
                var prefix = feature.MatchedByHost ? "" : "/" + feature.Tenant.UrlPrefix;
                options.AddDocument(feature.Tenant.Name, $"{feature.Tenant.DisplayName} ({feature.Tenant.Name})", $"{prefix}/openapi/v1.json");
                Configure(options, http);
            })
            .RequireRateLimiting(PortalsRateLimits.Anonymous);
        return endpoints;
    }

    /// <summary>Every error response names a problem schema (DocumentConventions); both come from the serializer's contract.</summary>
    private static async Task AddProblemSchemasAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var type in new[] { typeof(ProblemDetails), typeof(HttpValidationProblemDetails) })
        {
            if (!document.Components.Schemas.ContainsKey(type.Name))
            {
                document.Components.Schemas[type.Name] = await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken);
            }
        }
    }

    private static bool IsTenantRoute(ApiDescription description) =>
        description.RelativePath?.StartsWith("{tenant", StringComparison.Ordinal) == true;

    private static void Configure(ScalarOptions options, HttpContext http)
    {
        // A fresh nonce per page: only Scalar's own script tags run; nothing loads from another origin.
        // Hex, not base64: Scalar HTML-encodes the attribute, and '+' would come out as an entity.
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Headers.ContentSecurityPolicy = string.Join("; ",
            "default-src 'self'", $"script-src 'self' 'nonce-{nonce}'", "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:", "font-src 'self' data:", "connect-src 'self'", "object-src 'none'",
            "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'");
        options.WithTitle("Portals content API")
            .WithNonce(nonce)
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp();
    }
}
