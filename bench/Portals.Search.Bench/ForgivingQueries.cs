using System.Globalization;

namespace Portals.Search.Bench;

/// <summary>
/// The forgiving search's query sets, each measured against its plain counterpart in the same run: the plain texts
/// with an extra word (a rare one, so that few documents hold them all and the looser second pass runs, or one no
/// document holds), the texts that have a word of five letters or more with a typo in it, and search-box prefixes.
/// </summary>
internal static class ForgivingQueries
{
    /// <summary>Documents added to the corpus that name the Xà No canal: the rare words of the relaxed queries.</summary>
    public const int CanalDocuments = 100;

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Places { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        ["haugiang"] = ["Hậu Giang"],
        ["cantho"] = ["Cần Thơ"],
    };

    public static string[] Relaxed(string[] plain) =>
        plain.Select((text, i) => text + (i % 2 == 0 ? " kênh xáng" : " zzqxw")).ToArray();

    /// <summary>(as typed correctly, with one typo) for every plain text with a word long enough to be forgiven.</summary>
    public static (string Plain, string Typo)[] Typos { get; } =
    [
        ("đường", "đườnh"),
        ("công nghệ thông tin", "công nghệ thônh tin"),
        ("phát triển kinh tế xã hội", "phát triểm kinh tế xã hội"),
        ("hau giang nong nghiep", "hau giang nong nghiepp"),
        ("chuyển đổi số", "chuyểm đổi số"),
        ("an toàn giao thông", "an toàn giao thônh"),
        ("nguồn vốn ngân sách trung ương giải ngân", "nguồn vốn ngân sách trunh ương giải ngân"),
        ("Dương Văn An", "Dươnh Văn An"),
        ("thủ tục hành chính một cửa", "thủ tục hành chíng một cửa"),
    ];

    public static string[] Prefixes { get; } =
    [
        "c", "cô", "công", "công t", "phát tr", "hậu g", "kế hoạch", "thủ t", "nguồn v", "bảo hiểm y", "du l",
        "chuyển đ", "an toàn", "xây dựng c", "nông thôn m", "kênh x",
    ];

    public static SearchDocument Canal(ICorpus corpus, int number)
    {
        var doc = corpus.Next(number);
        return doc with
        {
            ContentItemId = "canal" + number.ToString("D7", CultureInfo.InvariantCulture),
            Title = doc.Title + " Kênh Xáng Xà No",
            Body = doc.Body + " Nạo vét kênh Xáng Xà No.",
        };
    }
}
