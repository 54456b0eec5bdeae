using System.Text;

namespace Portals.Themes.Rendering;

/// <summary>A string writer that throws once more than <c>max</c> characters are written (Fluid has no output limit).</summary>
internal sealed class BoundedTextWriter(int max) : StringWriter(new StringBuilder(16 * 1024), System.Globalization.CultureInfo.InvariantCulture)
{
    public override void Write(char value)
    {
        Check(1);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Check(count);
        base.Write(buffer, index, count);
    }

    public override void Write(string? value)
    {
        Check(value?.Length ?? 0);
        base.Write(value);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Check(buffer.Length);
        base.Write(buffer);
    }

    public override Task WriteAsync(char value)
    {
        Check(1);
        return base.WriteAsync(value);
    }

    public override Task WriteAsync(string? value)
    {
        Check(value?.Length ?? 0);
        return base.WriteAsync(value);
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Check(count);
        return base.WriteAsync(buffer, index, count);
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Check(buffer.Length);
        return base.WriteAsync(buffer, cancellationToken);
    }

    private void Check(int adding)
    {
        if (GetStringBuilder().Length + adding > max)
        {
            throw new TemplateLimitException($"A page may render at most {max} characters.");
        }
    }
}

/// <summary>A template exceeded a rendering limit (output size); Fluid reports step and recursion limits itself.</summary>
public sealed class TemplateLimitException(string message) : Exception(message);
