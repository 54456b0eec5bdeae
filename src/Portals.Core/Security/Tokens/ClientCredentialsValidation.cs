using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenIddict.Server;
using Portals.Core.Tenants;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portals.Core.Security.Tokens;

/// <summary>
/// Degraded mode leaves client authentication to us: the client must exist, be enabled and match its secret in the
/// tenant the request came in on, so a client of one portal cannot obtain a token from the other.
/// </summary>
internal sealed class ClientCredentialsValidation(ApiClients clients, ILogger<ClientCredentialsValidation> logger)
    : IOpenIddictServerHandler<OpenIddictServerEvents.ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ValidateTokenRequestContext>()
            .UseSingletonHandler<ClientCredentialsValidation>()
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictServerEvents.ValidateTokenRequestContext context)
    {
        var http = context.Transaction.GetHttpRequest()?.HttpContext;
        var tenant = http?.Features.Get<TenantFeature>()?.Tenant;
        var client = tenant is null ? null
            : await clients.VerifyAsync(tenant, context.ClientId, context.Request.ClientSecret, http!.RequestAborted);
        if (client is null)
        {
            CoreLog.ClientRejected(logger, tenant?.Name ?? "(none)", context.ClientId);
            context.Reject(Errors.InvalidClient, "Unknown client, wrong secret, or a client of another portal.");
            return;
        }
        http!.Features.Set(client);
    }
}
