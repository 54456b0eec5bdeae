using Microsoft.Extensions.Logging;

namespace Portals.Contents;

internal static partial class ContentsLog
{
    [LoggerMessage(101, LogLevel.Warning, "Generated a secret for API client {ClientId} of tenant {Tenant}; it was printed once to the console.")]
    public static partial void GeneratedClientSecret(ILogger logger, string tenant, string clientId);

    [LoggerMessage(102, LogLevel.Information, "Issued an access token to client {ClientId} of tenant {Tenant}.")]
    public static partial void TokenIssued(ILogger logger, string tenant, string clientId);

    [LoggerMessage(103, LogLevel.Warning, "Rejected client credentials for {ClientId} in tenant {Tenant}.")]
    public static partial void ClientRejected(ILogger logger, string tenant, string? clientId);

    [LoggerMessage(104, LogLevel.Warning, "Rejected a token of tenant {TokenTenant} presented to tenant {Tenant}.")]
    public static partial void ForeignToken(ILogger logger, string? tokenTenant, string tenant);

    [LoggerMessage(105, LogLevel.Information, "Content item {ContentItemId} ({ContentType}) saved in tenant {Tenant} by {ClientId}; published: {Published}.")]
    public static partial void Saved(ILogger logger, string contentItemId, string contentType, string tenant, string? clientId, bool published);

    [LoggerMessage(106, LogLevel.Information, "Client {Address} of tenant {Tenant} was rate limited.")]
    public static partial void RateLimited(ILogger logger, string? address, string tenant);

    [LoggerMessage(107, LogLevel.Information, "Created the signing/encryption key file {Path}.")]
    public static partial void CreatedKey(ILogger logger, string path);
}
