using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Portals.Search.Lucene;

/// <summary>One tenant's sector as its documents in a segment carry it, and those documents (to skip deleted ones).</summary>
internal sealed record SectorLabel(string Tenant, string Sector, string Name, string Folded, int[] Docs);

/// <summary>The distinct sector labels of one segment: a handful, matched by scanning.</summary>
internal sealed class SectorLabels(IReadOnlyList<SectorLabel> labels)
{
    public IReadOnlyList<SectorLabel> All => labels;

    public static SectorLabels Load(AtomicReader reader)
    {
        var values = reader.GetSortedSetDocValues(SearchFields.SectorLabel);
        if (values is null || values.ValueCount == 0)
        {
            return new SectorLabels([]);
        }

        var docs = new List<int>[values.ValueCount];
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                (docs[ord] ??= []).Add(doc);
            }
        }

        var labels = new List<SectorLabel>();
        var scratch = new BytesRef();
        for (var ord = 0; ord < docs.Length; ord++)
        {
            values.LookupOrd(ord, scratch);
            var parts = scratch.Utf8ToString().Split('\u001F');
            if (parts.Length == 3 && docs[ord] is { } holders)
            {
                labels.Add(new SectorLabel(parts[0], parts[1], parts[2], SuggestSearch.FoldedWords(parts[2]), [.. holders]));
            }
        }

        return new SectorLabels(labels);
    }
}
