namespace Portals.Search.Bench;

/// <summary>
/// The real words of the realistic corpus, most frequent first in each list: function words, general news phrases,
/// one list of phrases per sector (the sector term ids of recipes/sectors.recipe.json), real place names of the two
/// provinces. Every benchmark query is a phrase of these lists, so each matches a few percent of the documents.
/// </summary>
internal static class ZipfWords
{
    public static readonly string[] Common = Split(
        "của|và|các|có|được|trong|là|cho|những|với|một|này|đã|không|để|khi|về|theo|từ|năm|người|đến|như|tại|ra|cũng|" +
        "nhiều|sẽ|đang|thì|nhưng|vào|lại|do|còn|nên|đó|hơn|mà|cùng|trên|sau|bị|vẫn|rất|qua|đều|nay|tới|tháng|ngày|" +
        "chỉ|mới|lên|nếu|vì|hay|giữa|bằng|trước|thêm|hết|gần|xa|cả|riêng|chung|thường|luôn|ngay|đây|kia|ấy|mỗi|" +
        "vừa|đủ|chưa|lần|phải|muốn|biết|thấy|nói|cho biết|làm|đi|về việc|bên cạnh|tuy nhiên|ngoài ra|đồng thời|" +
        "bà|ông|anh|chị|em|họ|chúng tôi|quý|tuần|sáng|chiều|tối|hôm nay|ngày mai|hiện nay|thời gian|trong đó");

    public static readonly string[] General = Split(
        "tỉnh|thành phố|huyện|xã|phường|ủy ban nhân dân|hội đồng nhân dân|kế hoạch|triển khai|thực hiện|nhiệm vụ|" +
        "giải pháp|tăng cường|nâng cao|chất lượng|hiệu quả|tổ chức|lãnh đạo|chỉ đạo|kiểm tra|kết quả|đánh giá|" +
        "tình hình|hoạt động|chương trình|mục tiêu|hỗ trợ|địa phương|cơ sở|người dân|cán bộ|doanh nghiệp|sở ngành|" +
        "hội nghị|phát triển|kinh tế|xã hội|phát triển kinh tế xã hội|đầu tư|dự án|chính sách|quy định|văn bản|" +
        "ban hành|quyết định|phê duyệt|tiến độ|hoàn thành|tiếp tục|đẩy mạnh|tập trung|ưu tiên|nguồn lực|vùng|" +
        "đồng bằng sông Cửu Long|hợp tác|liên kết|ký kết|thỏa thuận|đoàn công tác|làm việc|tiếp nhận|ghi nhận|" +
        "đề xuất|kiến nghị|tháo gỡ|khó khăn|vướng mắc|báo cáo|thuận lợi|cơ hội|thách thức|bền vững|hiện đại|toàn diện");

    /// <summary>Sector term id → its phrases, most frequent first.</summary>
    public static readonly (string Sector, string[] Phrases)[] Topics =
    [
        ("sector-nong-nghiep", Split("nông nghiệp|nông dân|lúa|giá lúa|vụ mùa|thu hoạch|khóm Cầu Đúc|nông nghiệp công nghệ cao|" +
            "hợp tác xã|chuyển đổi cây trồng|mía|cây ăn trái|bưởi|xoài|thủy lợi|nông thôn mới|giống lúa|phân bón|tưới tiêu|chăn nuôi")),
        ("sector-giao-thong", Split("giao thông|tuyến đường|đường|an toàn giao thông|cầu|Quốc lộ 61C|nâng cấp đường|cao tốc|" +
            "kênh Xà No|vận tải|bến xe|cảng|mặt bằng|giải phóng mặt bằng|thi công|nhà thầu|khởi công|thông xe")),
        ("sector-y-te", Split("y tế|bệnh viện|khám chữa bệnh|bác sĩ|bệnh nhân|trạm y tế|tiêm chủng|vắc xin|phòng chống dịch|" +
            "bảo hiểm y tế|sức khỏe|điều trị|thuốc|cấp cứu|y tế cơ sở")),
        ("sector-giao-duc", Split("giáo dục|học sinh|trường|giáo viên|năm học|kỳ thi|tốt nghiệp|đại học|đào tạo|" +
            "cơ sở vật chất|phòng học|sinh viên|học bổng|phổ cập")),
        ("sector-thuong-mai-du-lich", Split("du lịch|khách du lịch|thương mại|lễ hội|chợ nổi Cái Răng|du lịch sinh thái|" +
            "xuất khẩu|tiêu thụ|hội chợ|điểm đến|lưu trú|homestay|mua sắm|doanh thu")),
        ("sector-khcn-tttt", Split("chuyển đổi số|công nghệ thông tin|khoa học công nghệ|dịch vụ công trực tuyến|" +
            "thủ tục hành chính|một cửa|cổng thông tin điện tử|dữ liệu|phần mềm|hạ tầng số|sáng tạo|khởi nghiệp|" +
            "chính quyền số|truyền thông")),
        ("sector-moi-truong", Split("môi trường|biến đổi khí hậu|mưa bão|bão|hạn mặn|sạt lở|ngập lụt|rác thải|xử lý|" +
            "nước sạch|ô nhiễm|tài nguyên|đất đai|quy hoạch")),
        ("sector-an-sinh-xa-hoi", Split("an sinh xã hội|giảm nghèo|hộ nghèo|lao động|việc làm|người có công|trẻ em|" +
            "người cao tuổi|nhà ở|bảo hiểm xã hội|trợ cấp|thu nhập")),
        ("sector-quoc-phong-an-ninh", Split("an ninh|quốc phòng|trật tự|công an|phòng cháy chữa cháy|tội phạm|" +
            "tuần tra|dân quân|an ninh trật tự|diễn tập")),
        ("sector-ocop", Split("sản phẩm OCOP|OCOP|đặc sản|làng nghề|chứng nhận|sản phẩm|cơ sở sản xuất|bao bì|" +
            "thương hiệu|chất lượng sản phẩm")),
        ("sector-xuc-tien-dau-tu", Split("xúc tiến đầu tư|nhà đầu tư|kêu gọi đầu tư|khu công nghiệp|đầu tư công|" +
            "nguồn vốn ngân sách trung ương|giải ngân|vốn đầu tư|hạ tầng|môi trường đầu tư|thu hút đầu tư|cụm công nghiệp")),
    ];

    public static readonly string[] HauGiangPlaces = Split(
        "Hậu Giang|Vị Thanh|Ngã Bảy|Long Mỹ|Phụng Hiệp|Châu Thành|Châu Thành A|Vị Thủy|Cầu Đúc|kênh Xà No");

    public static readonly string[] CanThoPlaces = Split(
        "Cần Thơ|Ninh Kiều|Cái Răng|Bình Thủy|Ô Môn|Thốt Nốt|Phong Điền|Cờ Đỏ|Vĩnh Thạnh|Thới Lai");

    /// <summary>The names the engine benchmark's corpus already used.</summary>
    public static readonly string[] People = Split("Dương Văn An|Nguyễn Thị Lan|Trần Minh|Lê Hoàng|Phạm Quốc");

    private static string[] Split(string list) => list.Split('|');
}
