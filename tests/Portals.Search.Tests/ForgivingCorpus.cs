using Portals.Search.Lucene;
using static Portals.Search.Tests.TestDocs;

namespace Portals.Search.Tests;

/// <summary>
/// A small corpus for extra words, typos, phrases and place names, indexed once per test class with the host's place
/// names. The canal and programme titles are the seeded ones; the rest are test sentences.
/// </summary>
public sealed class ForgivingCorpus : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();

    public LuceneSearchIndex Index { get; private set; } = null!;

    public static SearchDocument[] Docs { get; } =
    [
        Doc(HauGiang, "canal", "Cải tạo, khai thông tuyến đường thủy Kênh Xáng Xà No",
            "Dự án nạo vét, gia cố bờ kênh để tàu thuyền lưu thông thuận lợi giữa hai địa phương.", type: "KeyProject"),
        Doc(CanTho, "canal-news", "Người dân ven kênh Xáng Xà No được hỗ trợ mua bảo hiểm",
            "Chính quyền vận động hộ gia đình sống dọc tuyến kênh tham gia bảo hiểm.", type: "News"),
        Doc(HauGiang, "program", "Chương trình hợp tác phát triển giữa tỉnh Hậu Giang với thành phố Cần Thơ",
            "Mười hai nội dung định hướng hợp tác giữa hai địa phương.", type: "CooperationProgram"),
        Doc(HauGiang, "insurance-district", "Huyện Long Mỹ cấp thẻ bảo hiểm y tế cho người cao tuổi",
            "Người dân trong huyện nhận thẻ bảo hiểm y tế tại trạm y tế gần nhà.", type: "News"),
        Doc(CanTho, "insurance-mention", "Trao đổi kinh nghiệm về bảo hiểm y tế",
            "Đoàn công tác Hậu Giang làm việc với thành phố về bảo hiểm y tế học sinh.", type: "News"),
        Doc(CanTho, "insurance-city", "Cần Thơ mở rộng bảo hiểm y tế hộ gia đình",
            "Thành phố tiếp tục vận động người dân tham gia bảo hiểm y tế.", type: "News"),
        Doc(HauGiang, "industry-adjacent", "Thu hút đầu tư vào khu công nghiệp",
            "Tỉnh kêu gọi doanh nghiệp đầu tư hạ tầng.", type: "InvestmentCall"),
        Doc(HauGiang, "industry-apart", "Khu dân cư mới gần nhà máy",
            "Nhà máy chế biến nông sản giúp phát triển công nghiệp địa phương.", type: "News"),
        Doc(CanTho, "digital", "Hội thảo chuyển đổi số",
            "Doanh nghiệp chia sẻ kinh nghiệm chuyển đổi số trong quản lý.", type: "Event"),
        Doc(CanTho, "digital-apart", "Chuyển giao công nghệ cho nông dân",
            "Mô hình mới giúp đổi đời, số hộ nghèo giảm.", type: "News"),
        Doc(HauGiang, "road", "Đầu tư giai đoạn 2 đường nối Vị Thanh - Cần Thơ (Quốc lộ 61C)",
            "Tuyến đường rút ngắn thời gian đi lại giữa hai địa phương.", type: "KeyProject"),
        Doc(CanTho, "logistics", "Trung tâm logistics vùng", "Kho bãi và dịch vụ vận tải hàng hóa.", type: "News"),
    ];

    public async Task InitializeAsync()
    {
        Index = new LuceneSearchIndex(new LuceneSearchIndexOptions(_folder.Path) { Places = Places });
        await Index.Put(CanTho, 1, Docs.Where(d => d.Tenant == CanTho).ToArray());
        await Index.Put(HauGiang, 1, Docs.Where(d => d.Tenant == HauGiang).ToArray());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Index.Dispose();
        _folder.Dispose();
    }
}
