using Portals.Core.Content;
using Portals.Themes.Pages;
using Portals.Themes.Rendering;
using Portals.Themes.ViewModels;
using static Portals.Themes.Content.ContentTypes;

namespace Portals.Themes.Content;

/// <summary>Content items to view models: fields read, labelled and formatted for Vietnamese readers.</summary>
public sealed class ItemMapper(PageScope scope, Vocabulary words)
{
    public string TypeLabel(string type) => words.TypeLabel(type);

    public string Url(ContentItem item) => scope.Url(item.Path);

    public static string Title(ContentItem item) => item.DisplayText ?? item.Title ?? item.ContentItemId;

    public static string? Summary(ContentItem item) => Fields.Text(item.Part(item.ContentType), "Summary");

    public string? Status(ContentItem item) =>
        item.ContentType is KeyProject or InvestmentCall
            ? words.OptionLabel(item.ContentType, "Status", Fields.Text(item.Part(item.ContentType), "Status"))
            : null;

    public CardView Card(ContentItem item) => new(
        Title(item), Url(item), words.TypeLabel(item.ContentType), Summary(item), CardDate(item), Status(item), CardFacts(item));

    public IReadOnlyList<CardView> Cards(IEnumerable<ContentItem> items) => items.Select(Card).ToList();

    /// <summary>The item page's model; <paramref name="withBody"/> false skips sanitizing a body the page will not show (home).</summary>
    public ItemView Item(ContentItem item, IReadOnlyList<RelatedView> related, bool withBody = true)
    {
        var own = item.Part(item.ContentType);
        return new ItemView(
            item.ContentItemId,
            item.ContentType,
            words.TypeLabel(item.ContentType),
            Title(item),
            Url(item),
            Summary(item),
            item.PublishedUtc is { } published ? VietnameseFormat.Date(new DateTimeOffset(published, TimeSpan.Zero)) : null,
            Status(item),
            Fields.Terms(own, "Sector").Select(id => new LinkView(words.SectorLabel(id), SectorUrl(item.ContentType, id))).ToList(),
            Facts(item, own),
            withBody ? RichText.Sanitize(Fields.BodyHtml(item.Part("HtmlBodyPart"))) : null,
            Sections(item.ContentType, own),
            Fields.Paths(own, "Documents").Select(p => new LinkView(FileName(p), MediaUrl(p))).ToList(),
            item.ContentType == InvestmentEvent ? Registration(own) : null,
            related);
    }

    /// <summary>A sector chip links to the list of its type filtered by it where one exists, else to the search page.</summary>
    public string SectorUrl(string type, string sector) => type switch
    {
        InvestmentCall => scope.Url(PublicRoutes.InvestmentCalls) + "?linh-vuc=" + Uri.EscapeDataString(sector),
        KeyProject => scope.Url(PublicRoutes.KeyProjects) + "?linh-vuc=" + Uri.EscapeDataString(sector),
        _ => scope.Url(PublicRoutes.Search) + "?linh-vuc=" + Uri.EscapeDataString(sector),
    };

    private static string? CardDate(ContentItem item) => item.ContentType switch
    {
        InvestmentEvent => Fields.Date(item.Part(item.ContentType), "StartDate") is { } start ? VietnameseFormat.Date(start) : null,
        _ => item.PublishedUtc is { } published ? VietnameseFormat.Date(new DateTimeOffset(published, TimeSpan.Zero)) : null,
    };

    private static List<FactView> CardFacts(ContentItem item)
    {
        var own = item.Part(item.ContentType);
        var facts = new List<FactView>();
        switch (item.ContentType)
        {
            case InvestmentCall:
                Add(facts, "Địa điểm", Fields.Text(own, "Location"));
                Add(facts, "Tổng vốn", Fields.Number(own, "TotalCapitalBillionVnd") is { } capital ? VietnameseFormat.BillionDong(capital) : null);
                Add(facts, "Diện tích", Fields.Number(own, "AreaHa") is { } area ? VietnameseFormat.Hectares(area) : null);
                Add(facts, "Hạn nhận hồ sơ", Fields.Date(own, "Deadline") is { } deadline ? VietnameseFormat.Date(deadline) : null);
                break;
            case KeyProject:
                Add(facts, "Địa bàn", Fields.Text(own, "Localities"));
                break;
            case InvestmentEvent:
                Add(facts, "Địa điểm", Fields.Text(own, "Place"));
                break;
            case Report:
                Add(facts, "Kỳ báo cáo", Period(own));
                break;
        }
        return facts;
    }

    private List<FactView> Facts(ContentItem item, System.Text.Json.Nodes.JsonObject? own)
    {
        var facts = new List<FactView>();
        string? Date(string field) => Fields.Date(own, field) is { } d ? VietnameseFormat.Date(d) : null;
        string? DateTime(string field) => Fields.Date(own, field) is { } d ? VietnameseFormat.DateTime(d) : null;
        string? Option(string field) => words.OptionLabel(item.ContentType, field, Fields.Text(own, field));
        switch (item.ContentType)
        {
            case Program:
                var start = Fields.Number(own, "StartYear");
                var end = Fields.Number(own, "EndYear");
                Add(facts, "Giai đoạn", start is null ? null : end is null ? $"Từ năm {start:0}" : $"{start:0} – {end:0}");
                Add(facts, "Các bên tham gia", Fields.Text(own, "Parties"));
                Add(facts, "Ngày ký kết", Date("SigningDate"));
                Add(facts, "Người ký", Fields.Text(own, "Signatories"));
                break;
            case SectorAgreement:
                Add(facts, "Cơ quan phía Hậu Giang", Fields.Text(own, "HauGiangAgency"));
                Add(facts, "Cơ quan phía Cần Thơ", Fields.Text(own, "CanThoAgency"));
                Add(facts, "Ngày ký kết", Date("SigningDate"));
                break;
            case KeyProject:
                Add(facts, "Trạng thái", Option("Status"));
                Add(facts, "Địa bàn thực hiện", Fields.Text(own, "Localities"));
                break;
            case Report:
                Add(facts, "Loại báo cáo", Option("ReportKind"));
                Add(facts, "Kỳ báo cáo", Period(own));
                break;
            case InvestmentCall:
                Add(facts, "Trạng thái", Option("Status"));
                Add(facts, "Địa điểm", Fields.Text(own, "Location"));
                Add(facts, "Diện tích", Fields.Number(own, "AreaHa") is { } area ? VietnameseFormat.Hectares(area) : null);
                Add(facts, "Tổng vốn đầu tư", Fields.Number(own, "TotalCapitalBillionVnd") is { } capital ? VietnameseFormat.BillionDong(capital) : null);
                Add(facts, "Hình thức đầu tư", Fields.Text(own, "InvestmentForm"));
                Add(facts, "Hạn tiếp nhận hồ sơ", Date("Deadline"));
                Add(facts, "Cơ quan đầu mối liên hệ", Fields.Text(own, "ContactAgency"));
                break;
            case InvestmentEvent:
                Add(facts, "Thời gian bắt đầu", DateTime("StartDate"));
                Add(facts, "Thời gian kết thúc", DateTime("EndDate"));
                Add(facts, "Địa điểm tổ chức", Fields.Text(own, "Place"));
                Add(facts, "Đơn vị tổ chức", Fields.Text(own, "Organizers"));
                Add(facts, "Phạm vi", Option("Scope"));
                break;
            case News:
                Add(facts, "Nguồn tin", Fields.Text(own, "Source"));
                break;
        }
        return facts;
    }

    private List<SectionView> Sections(string type, System.Text.Json.Nodes.JsonObject? own)
    {
        var sections = new List<SectionView>();
        foreach (var field in type switch { Program => ["ContentAreas"], InvestmentCall => ["Incentives"], _ => Array.Empty<string>() })
        {
            if (RichText.Sanitize(Fields.Html(own, field)) is { } html)
            {
                sections.Add(new SectionView(words.FieldLabel(type, field), html));
            }
        }
        return sections;
    }

    /// <summary>Only web links become a registration button: a stored <c>javascript:</c> URL must never reach an href.</summary>
    private static LinkView? Registration(System.Text.Json.Nodes.JsonObject? own) =>
        Fields.Link(own, "RegistrationLink") is { } link && Uri.TryCreate(link.Url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? new LinkView(link.Text ?? "Đăng ký tham dự", uri.AbsoluteUri)
            : null;

    private static string? Period(System.Text.Json.Nodes.JsonObject? own)
    {
        var from = Fields.Date(own, "PeriodStart");
        var to = Fields.Date(own, "PeriodEnd");
        return (from, to) switch
        {
            ({ } f, { } t) => $"{VietnameseFormat.Date(f)} – {VietnameseFormat.Date(t)}",
            ({ } f, null) => $"Từ {VietnameseFormat.Date(f)}",
            (null, { } t) => $"Đến {VietnameseFormat.Date(t)}",
            _ => null,
        };
    }

    private string MediaUrl(string path) =>
        scope.Url("media/" + string.Join('/', path.TrimStart('/').Split('/').Select(Uri.EscapeDataString)));

    private static string FileName(string path) => path.TrimEnd('/').Split('/')[^1];

    private static void Add(List<FactView> facts, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(new FactView(label, value));
        }
    }
}
