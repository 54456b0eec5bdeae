using Microsoft.Playwright;

namespace Portals.Browser.Tests;

/// <summary>
/// Debian's Chromium, installed by <c>./test.sh</c>: Playwright's own browser download is impossible offline.
/// The flags keep it from dialling out (the machine's closed network refuses those connections by the dozen).
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("PORTALS_CHROMIUM") ?? ExecutablePath,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic",
        ],
    };
}
