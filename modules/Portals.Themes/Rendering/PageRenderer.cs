using System.Text;
using Fluid;
using Microsoft.Extensions.Options;
using Portals.Themes.Theming;
using Portals.Themes.ViewModels;

namespace Portals.Themes.Rendering;

/// <summary>
/// Renders a page: the page template with <c>site</c>, <c>meta</c> and <c>model</c> (view models only), then the
/// theme's <c>layout</c> around it as <c>content</c>. Steps and recursion are bounded by the theme's Fluid options,
/// output size by the writer.
/// </summary>
public sealed class PageRenderer(IOptions<ThemesOptions> options)
{
    private readonly int _maxChars = options.Value.MaxOutputChars;

    public async Task<byte[]> RenderAsync(Theme theme, string template, SiteView site, MetaView meta, object model)
    {
        var context = new TemplateContext(theme.Options);
        context.SetValue("site", site);
        context.SetValue("meta", meta);
        context.SetValue("model", model);
        var body = await RenderTemplateAsync(theme, template, context);
        context.SetValue("content", RichText.Rendered(body));
        return Encoding.UTF8.GetBytes(await RenderTemplateAsync(theme, "layout", context));
    }

    private async Task<string> RenderTemplateAsync(Theme theme, string name, TemplateContext context)
    {
        var template = theme.Templates.Find(name) ?? throw new InvalidOperationException($"Theme '{theme.Manifest.Name}' has no template '{name}'.");
        await using var writer = new BoundedTextWriter(_maxChars);
        await template.RenderAsync(writer, RichText.Encoder, context);
        return writer.ToString();
    }
}
