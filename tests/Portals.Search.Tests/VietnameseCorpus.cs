using System.Text;
using Portals.Search.Lucene;
using static Portals.Search.Tests.TestDocs;

namespace Portals.Search.Tests;

/// <summary>A small invented corpus, indexed once per test class: pairs of documents that only a good analyzer orders right.</summary>
public sealed class VietnameseCorpus : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();

    public LuceneSearchIndex Index { get; private set; } = null!;

    public static SearchDocument[] CanThoDocs { get; } =
    [
        Doc(CanTho, "road-1", "Đường nối Vị Thanh - Cần Thơ sắp thông xe",
            "Tuyến đường dài 37 km giúp rút ngắn thời gian đi lại giữa hai địa phương.", type: "News", sectors: ["giao thông"]),
        Doc(CanTho, "road-2", "Sửa chữa đường tỉnh 923",
            "Mặt đường được trải nhựa lại sau mùa mưa, xe cộ đi lại thuận tiện hơn.", type: "News", sectors: ["giao thông"]),
        Doc(CanTho, "person", "Ông Dương Văn An nhận bằng khen",
            "Ông Dương Văn An là nông dân sản xuất giỏi nhiều năm liền.", type: "News", sectors: ["nông nghiệp"]),
        Doc(CanTho, "storm", "Bão số 5 đổ bộ vào đất liền",
            "Cơn bão gây mưa lớn tại nhiều địa phương, người dân được khuyến cáo ở trong nhà.", type: "News", sectors: ["thời tiết"]),
        Doc(CanTho, "newspaper", "Báo Cần Thơ ra mắt chuyên trang mới",
            "Tờ báo điện tử phục vụ bạn đọc trong và ngoài thành phố.", type: "News", sectors: ["văn hóa"]),
        Doc(CanTho, "it-adjacent", "Hội thảo chuyển đổi số",
            "Ngành công nghệ thông tin của thành phố tăng trưởng nhanh trong năm qua, thu hút nhiều kỹ sư trẻ về làm việc tại các khu phần mềm.", type: "Event", sectors: ["khoa học"]),
        Doc(CanTho, "it-apart", "Hội nghị sản xuất lúa",
            "Công nghệ mới giúp bà con sản xuất, thông tin thị trường cập nhật hằng ngày.", type: "Event", sectors: ["nông nghiệp"]),
        Doc(CanTho, "escape", "Hướng dẫn an toàn <b>điện</b>",
            "Không chạm vào dây điện khi trời mưa & gió <script>alert(1)</script> \"cẩn thận\".", type: "Guide"),
    ];

    public static SearchDocument[] HauGiangDocs { get; } =
    [
        Doc(HauGiang, "invest-title", "Thu hút đầu tư vào khu công nghiệp",
            "Tỉnh kêu gọi doanh nghiệp mở rộng sản xuất và tạo việc làm.", type: "News", sectors: ["kinh tế"]),
        Doc(HauGiang, "invest-body", "Báo cáo kinh tế quý ba",
            "Vốn đầu tư công được giải ngân đúng tiến độ, nhiều dự án đầu tư hoàn thành.", type: "News", sectors: ["kinh tế"]),
        Doc(HauGiang, "hau-giang", "Hậu Giang phát triển nông nghiệp sạch",
            "Nông dân Hậu Giang chuyển sang trồng khóm và mía theo hướng an toàn.", type: "News", sectors: ["nông nghiệp"]),
        // Decomposed (NFD) text, as some phones and Macs send it.
        Doc(HauGiang, "nfd", "Lễ hội khóm Cầu Đúc".Normalize(NormalizationForm.FormD),
            "Du khách được thưởng thức đặc sản khóm tại Vị Thủy.".Normalize(NormalizationForm.FormD), type: "Event"),
        Doc(HauGiang, "summary-only", "Lịch tiếp công dân",
            "Nội dung chi tiết xem trong tệp đính kèm.", type: "Notice", published: Day(200),
            summary: "Lãnh đạo tỉnh tiếp công dân vào thứ năm hằng tuần."),
        Doc(HauGiang, "sugar-title", "Giá mía tăng mạnh", "Nông dân phấn khởi vì thu nhập cao hơn năm trước."),
        Doc(HauGiang, "sugar-body", "Tin nông nghiệp tuần này",
            "Nông dân thu hoạch mía sớm, mía được thương lái thu mua tại ruộng."),
        Doc(HauGiang, "hau-giang-can-tho", "Hợp tác vùng", "Hậu Giang và Cần Thơ ký kết hợp tác phát triển du lịch."),
        Doc(HauGiang, "long", "Báo cáo giao thông năm", LongBody()),
    ];

    private static string LongBody()
    {
        var filler = string.Concat(Enumerable.Repeat("Công tác duy tu được thực hiện thường xuyên trên các tuyến. ", 12));
        return filler + "Dự án xây dựng cầu Ngã Tư sẽ khởi công vào quý sau. " + filler;
    }

    public async Task InitializeAsync()
    {
        Index = new LuceneSearchIndex(new LuceneSearchIndexOptions(_folder.Path) { Places = Places });
        await Index.Put(CanTho, 1, CanThoDocs);
        await Index.Put(HauGiang, 1, HauGiangDocs);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Index.Dispose();
        _folder.Dispose();
    }
}
