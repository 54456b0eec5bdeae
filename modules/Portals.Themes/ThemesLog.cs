using Microsoft.Extensions.Logging;

namespace Portals.Themes;

internal static partial class ThemesLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Polling the change log of tenant '{Tenant}' for page-cache turnover failed.")]
    public static partial void ChangeLogPollFailed(ILogger logger, Exception exception, string tenant);
}
