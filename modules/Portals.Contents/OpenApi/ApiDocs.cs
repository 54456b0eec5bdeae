using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Portals.Core.Http;
using Portals.Core.Tenants;
using Scalar.AspNetCore;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Portals.Contents.OpenApi;

/// <summary>
/// The generated OpenAPI document (<c>/openapi/v1.json</c>) and the Scalar reference (<c>/api-docs</c>). Schemas and
/// error responses come from each endpoint's TypedResults and Produces metadata; this adds the OAuth2 scheme.
/// </summary>
internal static class ApiDocs
{
    public const string SchemeName = "oauth2";

    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, context, cancellationToken) =>
            {
                document.Info.Title = "Portals content API";
                document.Info.Description =
                    "Content of the Hậu Giang (haugiang) and Cần Thơ (cantho) portals in Orchard Core's JSON format. " +
                    "Every route sits under the tenant prefix (/{tenant}/…) and also answers on the tenant's own host. " +
                    "Reads are public (published content only); writes need a bearer token from POST /{tenant}/connect/token " +
                    "(OAuth2 client credentials). Errors are RFC 7807 problems with a traceId.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "Client credentials of one portal; a token of one portal is rejected by the other (401).",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri("/haugiang/connect/token", UriKind.Relative) },
                    },
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, cancellationToken) =>
            {
                // Handlers take the resolved tenant (TenantContext.BindAsync), so the {tenant} segment is declared here.
                if (context.Description.RelativePath?.StartsWith("{tenant", StringComparison.Ordinal) == true
                    && operation.Parameters?.Any(p => p.Name == "tenant") != true)
                {
                    var tenants = context.ApplicationServices.GetRequiredService<TenantRegistry>().All.Select(t => (JsonNode)t.UrlPrefix).ToList();
                    operation.Parameters ??= [];
                    operation.Parameters.Insert(0, new OpenApiParameter
                    {
                        Name = "tenant",
                        In = ParameterLocation.Path,
                        Required = true,
                        Description = "The portal. On a portal's own host (e.g. haugiang.localhost) the segment is left out.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = tenants },
                    });
                }
                // Operations that can answer 401 accept a bearer token; the public reads accept one optionally.
                if (operation.Responses?.ContainsKey("401") == true)
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
                }
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json")
            .RequireRateLimiting(PortalsRateLimits.Anonymous).WithContentSecurityPolicy(ContentSecurityPolicyMetadata.Api);
        endpoints.MapScalarApiReference("/api-docs", (options, http) =>
            {
                // A fresh nonce per page: only Scalar's own script tags run; nothing loads from another origin.
                // Hex, not base64: Scalar HTML-encodes the attribute, and '+' would come out as an entity.
                var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                http.Response.Headers.ContentSecurityPolicy = string.Join("; ",
                    "default-src 'self'", $"script-src 'self' 'nonce-{nonce}'", "style-src 'self' 'unsafe-inline'",
                    "img-src 'self' data:", "font-src 'self' data:", "connect-src 'self'", "object-src 'none'",
                    "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'");
                options.WithTitle("Portals content API")
                    .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                    .WithNonce(nonce)
                    .DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp();
            })
            .RequireRateLimiting(PortalsRateLimits.Anonymous);
        return endpoints;
    }
}
