using Microsoft.Extensions.Logging;

namespace Portals.Themes;

internal static partial class ThemesLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Polling the change log of tenant '{Tenant}' for page-cache turnover failed.")]
    public static partial void ChangeLogPollFailed(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "Rendering template '{Template}' of theme '{Theme}' failed.")]
    public static partial void RenderFailed(ILogger logger, Exception exception, string template, string theme);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Search from the public page of tenant '{Tenant}' failed; the page shows no results.")]
    public static partial void SearchFailed(ILogger logger, Exception exception, string tenant);
}
