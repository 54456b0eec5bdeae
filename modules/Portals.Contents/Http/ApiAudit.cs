using Microsoft.AspNetCore.Http;
using Portals.Contents.Endpoints;
using Portals.Core.Audit;

namespace Portals.Contents.Http;

/// <summary>Audit entries of the JSON API's writes: the API client as the user, the caller's address.</summary>
internal static class ApiAudit
{
    public static AuditEntry Entry(HttpContext context, string action, string contentItemId, string? detail) =>
        new(action, context.User.ClientId(), context.Connection.RemoteIpAddress?.ToString(), contentItemId, detail);
}
