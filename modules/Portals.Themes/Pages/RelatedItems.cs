using Portals.Core.Content;
using Portals.Themes.Content;
using Portals.Themes.ViewModels;
using static Portals.Themes.Content.ContentTypes;

namespace Portals.Themes.Pages;

/// <summary>
/// The published items an item page lists beside it: a programme's agreements, key projects and reports; the
/// programme of an agreement, project or report; a project's programme reports; a news
/// article's related items. Drafts never appear: every read is of published versions.
/// </summary>
internal static class RelatedItems
{
    /// <summary>Programme members are found by scanning the newest items of a type: the store has no field filter.</summary>
    private const int ScanLimit = 100;

    public sealed record Result(ContentItem? Program, IReadOnlyList<RelatedView> Groups);

    public static async Task<Result> LoadAsync(PublishedContent content, ItemMapper map, ContentItem item, CancellationToken cancellationToken)
    {
        var own = item.Part(item.ContentType);
        var groups = new List<RelatedView>();
        ContentItem? program = null;
        void Add(string heading, IEnumerable<ContentItem> items)
        {
            var cards = map.Cards(items.Where(i => i.ContentItemId != item.ContentItemId));
            if (cards.Count > 0)
            {
                groups.Add(new RelatedView(heading, cards));
            }
        }
        async Task<IReadOnlyList<ContentItem>> OfProgram(string type, IReadOnlyCollection<string> programIds) =>
            programIds.Count == 0 ? [] : (await content.PageAsync(type, 1, ScanLimit, null, cancellationToken)).Items
                .Where(i => Fields.Ids(i.Part(type), "Program").Any(programIds.Contains)).ToList();

        switch (item.ContentType)
        {
            case Program:
                Add("Thỏa thuận hợp tác theo lĩnh vực", await OfProgram(SectorAgreement, [item.ContentItemId]));
                Add("Dự án trọng điểm", await OfProgram(KeyProject, [item.ContentItemId]));
                Add("Báo cáo sơ kết, tổng kết", await OfProgram(Report, [item.ContentItemId]));
                break;
            case SectorAgreement or Report:
                program = First(await content.ManyAsync(Fields.Ids(own, "Program"), cancellationToken));
                Add("Thuộc chương trình", program is null ? [] : [program]);
                break;
            case KeyProject:
                var programIds = Fields.Ids(own, "Program");
                program = First(await content.ManyAsync(programIds, cancellationToken));
                Add("Thuộc chương trình", program is null ? [] : [program]);
                Add("Báo cáo sơ kết, tổng kết của chương trình", await OfProgram(Report, programIds));
                break;
            case News:
                var ids = Fields.Ids(own, "RelatedItems");
                var found = await content.ManyAsync(ids, cancellationToken);
                Add("Nội dung liên quan", ids.Select(id => found.FirstOrDefault(f => f.ContentItemId == id)).OfType<ContentItem>());
                break;
        }
        return new Result(program, groups);
    }

    private static ContentItem? First(IReadOnlyList<ContentItem> items) => items.Count > 0 ? items[0] : null;
}
