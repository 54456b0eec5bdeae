using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Portals.Core.Http;
using Portals.Core.Security;

namespace Portals.Contents.OpenApi;

/// <summary>
/// What each operation's endpoint metadata says and the generator does not write: its security (a permission policy
/// needs a token; public reads none), its 429 (rate-limited endpoints), and the true type of parameters that handlers
/// read as text (<see cref="ApiParameterDoc"/>). Everything that follows from the document alone is done on its JSON
/// (<see cref="DocumentConventions"/>).
/// </summary>
internal sealed class OperationConventions : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var permissions = metadata.OfType<IAuthorizeData>().Select(a => a.Policy)
            .Where(p => p is not null && p.StartsWith(Permissions.Policy(""), StringComparison.Ordinal))
            .Select(p => p![Permissions.Policy("").Length..]).Distinct().ToList();
        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocs.SchemeName, context.Document)] = [] };
        if (permissions.Count > 0)
        {
            operation.Security = [bearer];
            operation.Description = Join(operation.Description, $"Needs a token of this portal whose roles grant {string.Join(" and ", permissions)}.");
        }
        else if (operation.Responses?.ContainsKey("403") == true)
        {
            // A public read with a part that needs a permission (e.g. ?version=latest): the token is optional.
            operation.Security = [new OpenApiSecurityRequirement(), bearer];
        }
        else
        {
            operation.Security = [];
        }
        // Any policy on the API scheme refuses a bad token (401); a permission policy also refuses a token without it (403).
        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null))
        {
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Unauthorized" });
            if (permissions.Count > 0)
            {
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Forbidden" });
            }
        }
        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            operation.Responses ??= [];
            operation.Responses["429"] = new OpenApiResponse { Description = "Too many requests from this address; retry after Retry-After seconds." };
        }
        foreach (var doc in metadata.OfType<ApiParameterDoc>())
        {
            if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == doc.Name) is { } parameter)
            {
                parameter.Schema = Schema(doc);
                parameter.Description ??= doc.Description;
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema Schema(ApiParameterDoc doc) => new()
    {
        Type = doc.Type == "integer" ? JsonSchemaType.Integer : JsonSchemaType.String,
        Format = doc.Format,
        Minimum = doc.Minimum?.ToString(CultureInfo.InvariantCulture),
        Maximum = doc.Maximum?.ToString(CultureInfo.InvariantCulture),
        Default = doc.Default is null ? null : doc.Type == "integer" ? JsonValue.Create(long.Parse(doc.Default, CultureInfo.InvariantCulture)) : JsonValue.Create(doc.Default),
        Enum = doc.Values?.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
        Pattern = doc.Pattern,
        MaxLength = doc.MaxLength,
    };

    private static string Join(string? first, string second) => string.IsNullOrEmpty(first) ? second : first + " " + second;
}
