using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Options;
using Portals.Themes.Rendering;
using Portals.Themes.ViewModels;

namespace Portals.Themes.Theming;

/// <summary>A theme ready to render: its manifest, parsed templates, Fluid options (with limits) and stylesheet.</summary>
public sealed class Theme
{
    internal Theme(ThemeManifest manifest, ParsedTemplates templates, TemplateOptions options, byte[] css)
    {
        Manifest = manifest;
        Templates = templates;
        Options = options;
        Css = css;
        CssVersion = Convert.ToHexStringLower(SHA256.HashData(css))[..12];
    }

    public ThemeManifest Manifest { get; }
    public TemplateOptions Options { get; }
    public byte[] Css { get; }
    public string CssVersion { get; }
    internal ParsedTemplates Templates { get; }
}

/// <summary>
/// The installed themes, read once from the module's embedded resources: <c>Themes/{name}/…</c> from <c>themes/</c>,
/// over <c>Shared/…</c> from <c>Templates/</c>. A template with a syntax error fails start-up, not a request.
/// Holds configuration only.
/// </summary>
public sealed class ThemeCatalog
{
    public const string ManifestFile = "theme.json";
    private static readonly string[] RequiredTemplates = ["layout", "header", "footer", "home", "item", "list", "search", "notfound"];
    private static readonly FluidParser Parser = new();
    private static readonly JsonSerializerOptions ManifestJson = new() { PropertyNameCaseInsensitive = true };
    private readonly Dictionary<string, Theme> _themes = new(StringComparer.Ordinal);

    public ThemeCatalog(IOptions<ThemesOptions> options)
    {
        var assembly = typeof(ThemeCatalog).Assembly;
        var shared = ReadFolder(assembly, "Shared/");
        var themeNames = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Themes/", StringComparison.Ordinal) && n.EndsWith("/" + ManifestFile, StringComparison.Ordinal))
            .Select(n => n["Themes/".Length..^(ManifestFile.Length + 1)]);
        foreach (var name in themeNames)
        {
            _themes[name] = Load(name, shared, ReadFolder(assembly, $"Themes/{name}/"), options.Value);
        }
    }

    public IReadOnlyCollection<string> Names => _themes.Keys;

    public Theme? Find(string? name) => name is null ? null : _themes.GetValueOrDefault(name);

    public Theme Get(string name) => Find(name) ?? throw new InvalidOperationException($"Theme '{name}' is not installed.");

    private static Theme Load(string name, Dictionary<string, string> shared, Dictionary<string, string> own, ThemesOptions limits)
    {
        var manifest = JsonSerializer.Deserialize<ThemeManifest>(own[ManifestFile], ManifestJson)
            ?? throw new InvalidOperationException($"Theme '{name}': {ManifestFile} is empty.");
        if (manifest.Name != name)
        {
            throw new InvalidOperationException($"Theme folder '{name}' declares the name '{manifest.Name}' in {ManifestFile}.");
        }
        var files = new Dictionary<string, string>(shared, StringComparer.Ordinal);
        foreach (var (file, text) in own)
        {
            files[file] = text;
        }
        var parsed = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var (file, text) in files.Where(f => f.Key.EndsWith(".liquid", StringComparison.Ordinal)))
        {
            parsed[file] = Parser.TryParse(text, out var template, out var error)
                ? template
                : throw new InvalidOperationException($"Theme '{name}', template '{file}': {error}");
        }
        var missing = RequiredTemplates.Where(t => !parsed.ContainsKey(t + ".liquid")).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Theme '{name}' lacks the templates {string.Join(", ", missing)}.");
        }
        var templates = new ParsedTemplates(parsed);
        var css = Encoding.UTF8.GetBytes(files.GetValueOrDefault("base.css", "") + "\n" + files.GetValueOrDefault("theme.css", ""));
        return new Theme(manifest, templates, CreateOptions(new ThemeFiles(files), limits), css);
    }

    /// <summary>Fluid sees the view-model records and nothing else, under limits on steps and recursion.</summary>
    private static TemplateOptions CreateOptions(ThemeFiles files, ThemesOptions limits)
    {
        var options = new TemplateOptions
        {
            FileProvider = files,
            MaxSteps = limits.MaxTemplateSteps,
            MaxRecursion = limits.MaxTemplateRecursion,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in ViewModelTypes.All)
        {
            options.MemberAccessStrategy.Register(type);
        }
        // Sanitized rich text and marked-up snippets are the only strings written without encoding.
        options.ValueConverters.Add(value => value is SafeHtml html ? new StringValue(html.Value, encode: false) : null);
        return options;
    }

    private static Dictionary<string, string> ReadFolder(Assembly assembly, string prefix)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            files[resource[prefix.Length..]] = reader.ReadToEnd();
        }
        return files;
    }
}
