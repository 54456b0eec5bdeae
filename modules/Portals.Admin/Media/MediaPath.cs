using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Portals.Admin.Media;

/// <summary>
/// A path inside a tenant's media library, e.g. <c>tai-lieu/ke-hoach-2025.pdf</c>: lower-case ASCII segments made of
/// letters, digits and single dashes, a file's last segment with one extension. Nothing else parses, so no
/// <c>..</c>, separator, encoded character or absolute path ever reaches a store: the same rule guards uploads,
/// folder names and the public <c>/media/…</c> route. The root folder is the empty path.
/// </summary>
public sealed partial record MediaPath
{
    public const int MaxSegmentLength = 100;
    public const int MaxDepth = 8;

    private MediaPath(string[] segments) => Segments = segments;

    public static MediaPath Root { get; } = new([]);

    public IReadOnlyList<string> Segments { get; }

    public string Value => string.Join('/', Segments);

    public bool IsRoot => Segments.Count == 0;

    /// <summary>The last segment: a file or folder name ("" for the root).</summary>
    public string Name => IsRoot ? "" : Segments[^1];

    /// <summary>The extension of a file name, without the dot, or "" for a folder.</summary>
    public string Extension => Name.LastIndexOf('.') is var dot and >= 0 ? Name[(dot + 1)..] : "";

    public bool IsFile => Extension.Length > 0;

    public MediaPath Parent => IsRoot ? this : new MediaPath(Segments.Take(Segments.Count - 1).ToArray());

    /// <summary>Parses a folder (no extension in any segment) or, with <paramref name="file"/>, a file path.</summary>
    public static bool TryParse(string? value, bool file, [NotNullWhen(true)] out MediaPath? path)
    {
        path = null;
        value ??= "";
        if (value.Length > MaxDepth * (MaxSegmentLength + 1))
        {
            return false;
        }
        var trimmed = value.Trim('/');
        if (trimmed.Length == 0)
        {
            path = file ? null : Root;
            return path is not null;
        }
        var segments = trimmed.Split('/');
        if (segments.Length > MaxDepth)
        {
            return false;
        }
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            if (segments[i].Length > MaxSegmentLength || !(file && last ? FileName() : FolderName()).IsMatch(segments[i]))
            {
                return false;
            }
        }
        path = new MediaPath(segments);
        return true;
    }

    public static MediaPath? ParseFolder(string? value) => TryParse(value, file: false, out var path) ? path : null;

    public static MediaPath? ParseFile(string? value) => TryParse(value, file: true, out var path) ? path : null;

    /// <summary>A child of this folder; null when the name is not a valid segment.</summary>
    public MediaPath? Child(string name, bool file) =>
        Segments.Count < MaxDepth && name.Length <= MaxSegmentLength && (file ? FileName() : FolderName()).IsMatch(name)
            ? new MediaPath([.. Segments, name])
            : null;

    public bool Equals(MediaPath? other) => other is not null && Value == other.Value;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*\\z")]
    private static partial Regex FolderName();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*\\.[a-z0-9]{1,8}\\z")]
    private static partial Regex FileName();
}
