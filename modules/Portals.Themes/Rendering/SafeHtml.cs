namespace Portals.Themes.Rendering;

/// <summary>
/// HTML that templates write without encoding. Only <see cref="RichText"/> creates it (sanitized rich text,
/// search snippets reduced to text and &lt;mark&gt;) and the renderer (a rendered page body inside its layout).
/// </summary>
public sealed record SafeHtml
{
    internal SafeHtml(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;
}
