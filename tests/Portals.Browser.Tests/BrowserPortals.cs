using Microsoft.Playwright;
using Portals.Testing;

namespace Portals.Browser.Tests;

/// <summary>
/// Both portals served by Kestrel on a free loopback port (a browser cannot reach the in-memory test server),
/// plus one headless Debian Chromium shared by the test class. Each class that uses it gets fresh tenants.
/// </summary>
public class BrowserPortals : PortalsFactory
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserPortals() => UseKestrel(0);

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:40123</c>, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser starts in InitializeAsync.");

    public override async Task InitializeAsync()
    {
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        await WaitForTenantsAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
    }

    /// <summary>A fresh browser context (own cookies) with a desktop or phone viewport.</summary>
    public async Task<IPage> NewPageAsync(Viewport viewport = Viewport.Desktop)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "vi-VN",
            ViewportSize = viewport == Viewport.Phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1366, Height = 900 },
            IsMobile = viewport == Viewport.Phone,
            HasTouch = viewport == Viewport.Phone,
        });
        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public enum Viewport
{
    Desktop,
    Phone,
}
