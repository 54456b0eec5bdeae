using Fluid;
using Microsoft.Extensions.Options;
using Portals.Themes.Rendering;
using Portals.Themes.Theming;
using Portals.Themes.ViewModels;

namespace Portals.Themes.Tests;

/// <summary>Formatting, encoding and the template limits, without a server.</summary>
public sealed class ThemeUnitTests
{
    private static readonly ThemeCatalog Catalog = new(Options.Create(new ThemesOptions()));

    [Theory]
    [InlineData("1250.5", "1.250,5 tỷ đồng")]
    [InlineData("1250", "1.250 tỷ đồng")]
    [InlineData("0.75", "0,75 tỷ đồng")]
    [InlineData("1234567.891", "1.234.567,89 tỷ đồng")]
    public void BillionDong_UsesVietnameseSeparators(string value, string expected) =>
        Assert.Equal(expected, VietnameseFormat.BillionDong(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Dates_AreDayMonthYearInVietnamTime()
    {
        Assert.Equal("12,5 ha", VietnameseFormat.Hectares(12.5m));
        // 20:00 UTC on 31 December is already 1 January in Vietnam (UTC+7).
        Assert.Equal("01/01/2025", VietnameseFormat.Date(new DateTimeOffset(2024, 12, 31, 20, 0, 0, TimeSpan.Zero)));
        Assert.Equal("08:30 ngày 05/03/2025", VietnameseFormat.DateTime(new DateTimeOffset(2025, 3, 5, 8, 30, 0, TimeSpan.FromHours(7))));
    }

    [Fact]
    public void Snippet_KeepsOnlyMarkTags()
    {
        var html = RichText.Snippet("a &lt;b&gt; <mark>Cần</mark> <script>x</script> <mark>Thơ").Value;
        Assert.Equal("a &lt;b&gt; <mark>Cần</mark> &lt;script&gt;x&lt;/script&gt; <mark>Thơ</mark>", html);
    }

    [Fact]
    public void Sanitize_DropsScriptsHandlersAndForms()
    {
        var html = RichText.Sanitize("<p onclick=\"x()\" style=\"color:red\" id=\"a\">Chữ</p><script>x</script><form><input></form><a href=\"javascript:x\">l</a>")!.Value;
        Assert.Equal("<p>Chữ</p><a>l</a>", html);
    }

    [Fact]
    public void Catalog_HasBothThemes_WithTheirOwnNamesAndColours()
    {
        var hauGiang = Catalog.Get("Portals.Theme.HauGiang");
        var canTho = Catalog.Get("Portals.Theme.CanTho");
        Assert.Equal("Hậu Giang", hauGiang.Manifest.LogoText);
        Assert.Equal("Cần Thơ", canTho.Manifest.LogoText);
        Assert.NotEqual(hauGiang.Manifest.ThemeColor, canTho.Manifest.ThemeColor);
        Assert.NotEqual(hauGiang.CssVersion, canTho.CssVersion);
    }

    [Fact]
    public void NoTemplate_WritesUnencodedOutputThroughRaw()
    {
        var assembly = typeof(ThemeCatalog).Assembly;
        var templates = assembly.GetManifestResourceNames().Where(n => n.EndsWith(".liquid", StringComparison.Ordinal)).ToList();
        Assert.True(templates.Count >= 16, $"Only {templates.Count} templates embedded.");
        foreach (var name in templates)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var text = reader.ReadToEnd();
            Assert.DoesNotMatch(@"\|\s*raw\b", text);
        }
    }

    [Fact]
    public async Task Render_StepLimit_StopsARunawayLoop()
    {
        var theme = new ThemeCatalog(Options.Create(new ThemesOptions { MaxTemplateSteps = 1000 })).Get("Portals.Theme.CanTho");
        var template = new FluidParser().Parse("{% for i in (1..100000) %}x{% endfor %}");
        var context = new TemplateContext(theme.Options);
        await Assert.ThrowsAnyAsync<InvalidOperationException>(async () => await template.RenderAsync(context));
    }

    [Fact]
    public async Task Render_OutputLimit_StopsAnOversizedPage()
    {
        var options = Options.Create(new ThemesOptions { MaxOutputChars = 10_000 });
        var theme = new ThemeCatalog(options).Get("Portals.Theme.HauGiang");
        var site = new SiteView("haugiang", "Cổng", "Hậu Giang", "Hậu Giang", "Cổng", "Hợp tác", "#000", "/", "/s", "/c", [], [], new("a", "/"));
        var meta = new MetaView("t", "t", "d", "http://x/", "website", "s", false, false, []);
        var many = Enumerable.Range(0, 200).Select(i => new CardView($"Mục {i}", "/x", "Tin tức", new string('a', 100), null, null, [])).ToList();
        var model = new ListView("Danh sách", "", many.Count, many, [], null, null, "", null, null);
        await Assert.ThrowsAsync<TemplateLimitException>(() => new PageRenderer(options).RenderAsync(theme, "list", site, meta, model));
    }

    [Fact]
    public void ViewModels_RenderOnlyRegisteredMembers()
    {
        var theme = Catalog.Get("Portals.Theme.HauGiang");
        var context = new TemplateContext(theme.Options);
        context.SetValue("model", new LinkView("Nhãn", "/u"));
        context.SetValue("other", new System.IO.FileInfo("/etc/passwd"));
        var output = new FluidParser().Parse("{{ model.label }}|{{ other.full_name }}|{{ other.length }}").Render(context);
        Assert.Equal("Nhãn||", output);
    }
}
