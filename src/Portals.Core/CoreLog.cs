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
}
