using System.Text;

namespace Portals.Search.Bench;

/// <summary>
/// Deterministic Vietnamese-like documents: real syllables drawn with a Zipf-like law (frequent words first in the list),
/// so term statistics resemble news text. The same seed yields the same corpus on every run. A worst case for search:
/// ~600 distinct words, so each query word occurs in 50–75 % of the documents (<c>--corpus worst</c>).
/// </summary>
internal sealed class Corpus(int seed) : ICorpus
{
    private const string Vocabulary =
        "của và các có được trong là cho người những với một này đã không để khi về theo từ năm tỉnh thành phố " +
        "công tác phát triển kinh tế xã hội nông nghiệp dân huyện xây dựng dự án đầu tư giao thông đường cầu sông " +
        "nước lúa gạo trái cây du lịch văn hóa giáo dục học sinh trường y tế bệnh viện sức khỏe cán bộ đảng ủy ban " +
        "nhân hội đồng quyết định chính sách doanh nghiệp sản xuất thị trường giá cả thu nhập lao động việc làm " +
        "môi trường biến đổi khí hậu hạn mặn mưa bão lũ an toàn an ninh quốc phòng chuyển số công nghệ thông tin " +
        "khoa học kỹ thuật hợp tác vùng đồng bằng Cần Thơ Hậu Giang Vị Thanh Ngã Bảy Long Mỹ Phụng Hiệp Châu Thành " +
        "Ninh Kiều Cái Răng Bình Thủy Ô Môn Thốt Nốt Phong Điền Cờ Đỏ Vĩnh Thạnh kế hoạch triển khai thực hiện " +
        "nhiệm vụ giải pháp tăng cường nâng cao chất lượng hiệu quả tổ chức lãnh đạo chỉ đạo điều hành kiểm tra " +
        "giám sát báo cáo kết quả đánh giá tình hình hoạt động chương trình mục tiêu quốc gia nông thôn mới giảm " +
        "nghèo bền vững hỗ trợ hộ gia đình cá nhân địa phương cơ sở hạ tầng khu công nghiệp cụm thương mại dịch vụ " +
        "xuất khẩu nhập khẩu thủy sản cá tra tôm khóm mía dừa cam bưởi xoài vườn ruộng đất đai quy hoạch sử dụng " +
        "tài nguyên điện năng lượng tái tạo cấp nước sạch vệ sinh rác thải xử lý ô nhiễm phòng chống dịch bệnh " +
        "tiêm vắc xin bác sĩ điều trị khám chữa thuốc bảo hiểm y tế xã hội thanh niên phụ nữ trẻ em người cao tuổi " +
        "thể thao giải đấu lễ hội truyền thống di tích lịch sử bảo tàng nghệ thuật biểu diễn sân khấu âm nhạc " +
        "báo chí truyền hình phát thanh cổng thông tin điện tử dịch vụ công trực tuyến thủ tục hành chính cải cách " +
        "một cửa liên thông hồ sơ giấy tờ công dân tiếp nhận giải quyết khiếu nại tố cáo pháp luật tuyên truyền " +
        "phổ biến học tập làm theo tư tưởng đạo đức phong cách mới sáng tạo khởi nghiệp đổi mới hội nhập quốc tế " +
        "Dương Văn An Nguyễn Thị Lan Trần Minh Lê Hoàng Phạm Quốc Huỳnh Võ Đặng Bùi tháng quý sáng chiều tối hôm nay " +
        "ngày mai tuần trước tiếp tục đẩy mạnh tập trung ưu tiên nguồn vốn ngân sách trung ương giải ngân tiến độ " +
        "hoàn thành khởi công nghiệm thu bàn giao đưa vào sử dụng mặt bằng bồi thường tái định cư";

    private static readonly string[] Words = Vocabulary.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    private static readonly double[] Cumulative = BuildCumulative(Words.Length);
    private static readonly string[] Types = ["News", "News", "News", "Event", "Notice", "Guide"];
    private static readonly string[] Sectors =
        ["nông nghiệp", "giao thông", "y tế", "giáo dục", "du lịch", "kinh tế", "văn hóa", "môi trường", "khoa học", "an ninh", "thủy sản", "hành chính"];

    public static readonly string[] Tenants = ["haugiang", "cantho"];

    public string[] SectorFilters => ["y tế", "giao thông", "nông nghiệp"];

    private readonly Random _random = new(seed);
    private readonly DateTimeOffset _origin = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public SearchDocument Next(int number)
    {
        var tenant = Tenants[number % Tenants.Length];
        var sectors = Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Sectors[_random.Next(Sectors.Length)]).Distinct().ToArray();
        return new SearchDocument(tenant, $"item{number:D7}", Types[_random.Next(Types.Length)],
            Sentence(6 + _random.Next(7)), Sentence(20 + _random.Next(10)), Text(280 + _random.Next(40)),
            $"/{tenant}/tin-tuc/item{number:D7}", _origin.AddMinutes(-_random.Next(3 * 365 * 24 * 60)), sectors);
    }

    private string Sentence(int words)
    {
        var sb = new StringBuilder(words * 6);
        for (var i = 0; i < words; i++)
        {
            sb.Append(i == 0 ? Capitalize(Word()) : Word()).Append(i + 1 < words ? ' ' : '.');
        }

        return sb.ToString();
    }

    private string Text(int words)
    {
        var sb = new StringBuilder(words * 6);
        while (words > 0)
        {
            var length = Math.Min(words, 8 + _random.Next(14));
            sb.Append(Sentence(length)).Append(' ');
            words -= length;
        }

        return sb.ToString().TrimEnd();
    }

    private string Word()
    {
        var index = Array.BinarySearch(Cumulative, _random.NextDouble());
        return Words[index < 0 ? ~index : index];
    }

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static double[] BuildCumulative(int count)
    {
        var weights = Enumerable.Range(1, count).Select(rank => 1.0 / Math.Pow(rank, 0.9)).ToArray();
        var total = weights.Sum();
        var cumulative = new double[count];
        double running = 0;
        for (var i = 0; i < count; i++)
        {
            running += weights[i] / total;
            cumulative[i] = running;
        }

        cumulative[^1] = 1.0;
        return cumulative;
    }
}
