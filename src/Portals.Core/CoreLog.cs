using Microsoft.Extensions.Logging;

namespace Portals.Core;

internal static partial class CoreLog
{
    [LoggerMessage(1, LogLevel.Information, "Setting up tenant {Tenant} with recipe {Recipe}.")]
    public static partial void SettingUp(ILogger logger, string tenant, string recipe);

    [LoggerMessage(2, LogLevel.Information, "Tenant {Tenant} is running.")]
    public static partial void Running(ILogger logger, string tenant);

    [LoggerMessage(3, LogLevel.Error, "Setting up tenant {Tenant} failed.")]
    public static partial void SetupFailed(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(4, LogLevel.Warning, "Generated a password for the 'admin' user of tenant {Tenant}; it was printed once to the console.")]
    public static partial void GeneratedPassword(ILogger logger, string tenant);

    [LoggerMessage(5, LogLevel.Information, "Published {Count} scheduled item(s) in tenant {Tenant}.")]
    public static partial void PublishedScheduled(ILogger logger, int count, string tenant);

    [LoggerMessage(6, LogLevel.Error, "Scheduled publishing failed in tenant {Tenant}.")]
    public static partial void SchedulerFailed(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(7, LogLevel.Warning, "Could not read the migrations of tenant {Tenant}'s database; its setup will report the error.")]
    public static partial void SchemaCheckFailed(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(8, LogLevel.Critical, "{Message}")]
    public static partial void DatabaseNewerThanCode(ILogger logger, string message);

    [LoggerMessage(40, LogLevel.Warning, "Generated a secret for API client {ClientId} of tenant {Tenant}; it was printed once to the console.")]
    public static partial void GeneratedClientSecret(ILogger logger, string tenant, string clientId);

    [LoggerMessage(41, LogLevel.Information, "Issued an access token to client {ClientId} of tenant {Tenant}.")]
    public static partial void TokenIssued(ILogger logger, string tenant, string clientId);

    [LoggerMessage(42, LogLevel.Warning, "Rejected client credentials for {ClientId} in tenant {Tenant}.")]
    public static partial void ClientRejected(ILogger logger, string tenant, string? clientId);

    [LoggerMessage(43, LogLevel.Warning, "Rejected a token of tenant {TokenTenant} presented to tenant {Tenant}.")]
    public static partial void ForeignToken(ILogger logger, string? tokenTenant, string tenant);

    [LoggerMessage(44, LogLevel.Warning, "Rejected a token of client {ClientId} of tenant {Tenant}: the client was disabled or removed.")]
    public static partial void InactiveClientToken(ILogger logger, string? clientId, string tenant);

    [LoggerMessage(45, LogLevel.Information, "Client {Address} of tenant {Tenant} was rate limited.")]
    public static partial void RateLimited(ILogger logger, string? address, string tenant);

    [LoggerMessage(46, LogLevel.Information, "Created the key file {Path}.")]
    public static partial void CreatedKey(ILogger logger, string path);

    [LoggerMessage(60, LogLevel.Information, "Listening for other nodes' changes to tenant {Tenant}.")]
    public static partial void ListenerConnected(ILogger logger, string tenant);

    [LoggerMessage(61, LogLevel.Warning, "Lost the change notifications of tenant {Tenant}; caches fall back to their time limit, reconnecting in {Seconds} s.")]
    public static partial void ListenerDisconnected(ILogger logger, Exception exception, string tenant, double seconds);

    [LoggerMessage(62, LogLevel.Information, "This node now publishes the due schedules of tenant {Tenant}.")]
    public static partial void SchedulerLeaseTaken(ILogger logger, string tenant);

    [LoggerMessage(63, LogLevel.Warning, "Could not take or keep a cluster lease of tenant {Tenant}.")]
    public static partial void LeaseFailed(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(64, LogLevel.Information, "Created the shared key {Name} in the cluster database.")]
    public static partial void CreatedSharedKey(ILogger logger, string name);
}
