using System.Text.RegularExpressions;
using DiffPlex;
using DiffPlex.Model;

namespace Portals.Admin.Content;

/// <summary>A run of text in one side of a diff; <see cref="Changed"/> marks words removed (left) or added (right).</summary>
public sealed record DiffSegment(string Text, bool Changed);

/// <summary>One field of two versions side by side.</summary>
public sealed record FieldDiff(string Label, IReadOnlyList<DiffSegment> Old, IReadOnlyList<DiffSegment> New)
{
    public bool Changed => Old.Any(s => s.Changed) || New.Any(s => s.Changed);
}

/// <summary>A word-level, side-by-side diff of two versions' readable fields (DiffPlex computes the differences).</summary>
public static partial class VersionDiff
{
    public static IReadOnlyList<FieldDiff> Compare(IReadOnlyList<ShownField> older, IReadOnlyList<ShownField> newer, Func<EditorField, string> label)
    {
        var before = older.ToDictionary(f => f.Field.Key, StringComparer.Ordinal);
        return newer.Select(field =>
        {
            var old = before.TryGetValue(field.Field.Key, out var o) ? o.Text : "";
            var (left, right) = Words(old, field.Text);
            return new FieldDiff(label(field.Field), left, right);
        }).ToList();
    }

    /// <summary>Both texts cut into words, spaces and punctuation; pieces outside the common subsequence are marked.</summary>
    public static (IReadOnlyList<DiffSegment> Old, IReadOnlyList<DiffSegment> New) Words(string oldText, string newText)
    {
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, WordPieces.Instance);
        var removed = new HashSet<int>();
        var added = new HashSet<int>();
        foreach (var block in result.DiffBlocks)
        {
            removed.UnionWith(Enumerable.Range(block.DeleteStartA, block.DeleteCountA));
            added.UnionWith(Enumerable.Range(block.InsertStartB, block.InsertCountB));
        }
        return (Segments(result.PiecesOld, removed), Segments(result.PiecesNew, added));
    }

    private static List<DiffSegment> Segments(IReadOnlyList<string> pieces, HashSet<int> changed)
    {
        var segments = new List<DiffSegment>();
        for (var i = 0; i < pieces.Count; i++)
        {
            var mark = changed.Contains(i);
            if (segments.Count > 0 && segments[^1].Changed == mark)
            {
                segments[^1] = segments[^1] with { Text = segments[^1].Text + pieces[i] };
            }
            else
            {
                segments.Add(new DiffSegment(pieces[i], mark));
            }
        }
        return segments;
    }

    /// <summary>Words, runs of spaces and single other characters: joined again they give back the text exactly.</summary>
    private sealed partial class WordPieces : IChunker
    {
        public static readonly WordPieces Instance = new();

        public IReadOnlyList<string> Chunk(string text) => Piece().Matches(text).Select(m => m.Value).ToArray();

        [GeneratedRegex("[\\p{L}\\p{M}\\p{N}]+|\\s+|.", RegexOptions.Singleline)]
        private static partial Regex Piece();
    }
}
