using Microsoft.Extensions.Options;
using Portals.Core.Tenants;
using Portals.Themes.Theming;

namespace Portals.Themes;

/// <summary>The <c>Portals:Themes</c> section: public page caching and template limits.</summary>
public sealed class ThemesOptions
{
    public const string Section = "Portals:Themes";

    /// <summary>Output caching of public pages; off, every request renders (the benchmark's "uncached" figure).</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>
    /// Upper bound on a cached page's life. Writes in this process make cached pages unreachable at once; this bounds
    /// how long a page can outlive a write made by another process that the change-log watcher has not seen yet.
    /// </summary>
    public int PageCacheSeconds { get; set; } = 600;

    /// <summary>How often each tenant's change log is polled for writes by other processes (CLI, a second node); 0 turns it off.</summary>
    public int ExternalChangePollSeconds { get; set; } = 2;

    /// <summary>Fluid statements one render may execute.</summary>
    public int MaxTemplateSteps { get; set; } = 200_000;

    /// <summary>Depth of nested includes and blocks.</summary>
    public int MaxTemplateRecursion { get; set; } = 12;

    /// <summary>Characters one page may render; a template that loops out of control fails instead of filling memory.</summary>
    public int MaxOutputChars { get; set; } = 2_000_000;
}

/// <summary>Fails start-up on bad limits and on a tenant whose <c>Theme</c> names no installed theme.</summary>
public sealed class ThemesOptionsValidator : IValidateOptions<ThemesOptions>
{
    public ValidateOptionsResult Validate(string? name, ThemesOptions options)
    {
        var errors = new List<string>();
        if (options.PageCacheSeconds < 1 || options.ExternalChangePollSeconds < 0)
        {
            errors.Add("Portals:Themes:PageCacheSeconds must be at least 1 and ExternalChangePollSeconds at least 0.");
        }
        if (options.MaxTemplateSteps < 1000 || options.MaxTemplateRecursion < 2 || options.MaxOutputChars < 10_000)
        {
            errors.Add("Portals:Themes template limits are too small (steps ≥ 1000, recursion ≥ 2, output ≥ 10000 chars).");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Each tenant's <c>Theme</c> setting must name a theme in <see cref="ThemeCatalog"/>.</summary>
public sealed class TenantThemeValidator(ThemeCatalog catalog) : IValidateOptions<PortalsOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalsOptions options)
    {
        var errors = options.Tenants
            .Where(t => catalog.Find(t.Value.Theme) is null)
            .Select(t => $"Tenant '{t.Key}' has Theme '{t.Value.Theme}', which is not installed. Installed themes: {string.Join(", ", catalog.Names)}.")
            .ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
