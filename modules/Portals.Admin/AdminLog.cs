using Microsoft.Extensions.Logging;

namespace Portals.Admin;

internal static partial class AdminLog
{
    [LoggerMessage(801, LogLevel.Information, "User {UserName} signed in to the admin of tenant {Tenant}.")]
    public static partial void SignedIn(ILogger logger, string userName, string tenant);

    [LoggerMessage(802, LogLevel.Warning, "Failed sign-in as {UserName} to the admin of tenant {Tenant} from {Address}.")]
    public static partial void SignInFailed(ILogger logger, string userName, string tenant, string? address);

    [LoggerMessage(803, LogLevel.Warning, "Locked the account {UserName} of tenant {Tenant} until {Until:o}.")]
    public static partial void LockedOut(ILogger logger, string userName, string tenant, DateTime until);

    [LoggerMessage(804, LogLevel.Warning, "Rejected an admin session of tenant {ClaimedTenant} presented to tenant {Tenant}.")]
    public static partial void ForeignSession(ILogger logger, string? claimedTenant, string tenant);

    [LoggerMessage(805, LogLevel.Information, "Ended the admin session of user {UserId} in tenant {Tenant}: {Reason}.")]
    public static partial void SessionEnded(ILogger logger, string? userId, string tenant, string reason);

    [LoggerMessage(806, LogLevel.Information, "User {Actor} of tenant {Tenant}: {Action} on {Subject}.")]
    public static partial void UserManaged(ILogger logger, string actor, string tenant, string action, string subject);

    [LoggerMessage(821, LogLevel.Information, "User {Actor} of tenant {Tenant}: {Action} on content item {ContentItemId}.")]
    public static partial void ContentChanged(ILogger logger, string actor, string tenant, string action, string contentItemId);
    [LoggerMessage(850, LogLevel.Information, "User {Actor} of tenant {Tenant}: {Action} on media {Path}.")]
    public static partial void MediaChanged(ILogger logger, string actor, string tenant, string action, string path);
    [LoggerMessage(851, LogLevel.Information, "User {Actor} of tenant {Tenant}: {Action} on API client {ClientId}.")]
    public static partial void ApiClientChanged(ILogger logger, string actor, string tenant, string action, string clientId);
}
