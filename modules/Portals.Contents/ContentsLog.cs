using Microsoft.Extensions.Logging;

namespace Portals.Contents;

internal static partial class ContentsLog
{
    [LoggerMessage(105, LogLevel.Information, "Content item {ContentItemId} ({ContentType}) saved in tenant {Tenant} by {ClientId}; published: {Published}.")]
    public static partial void Saved(ILogger logger, string contentItemId, string contentType, string tenant, string? clientId, bool published);

    [LoggerMessage(108, LogLevel.Warning, "Feed {Feed} of tenant {Tenant}: item {ContentItemId} {Action}: {Reason}")]
    public static partial void FeedItemRepaired(ILogger logger, string feed, string tenant, string contentItemId, string action, string reason);
}
