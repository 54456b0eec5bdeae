using System.Text;

namespace Portals.Search.Bench;

/// <summary>The documents a benchmark indexes: the same seed yields the same documents on every run.</summary>
internal interface ICorpus
{
    SearchDocument Next(int number);

    /// <summary>Sector filters of the engine benchmark, as this corpus stores them.</summary>
    string[] SectorFilters { get; }

    static ICorpus Create(string name, int seed) => name switch
    {
        "worst" => new Corpus(seed),
        "zipf" => new ZipfCorpus(seed),
        _ => throw new ArgumentException($"unknown corpus '{name}': zipf or worst", nameof(name)),
    };
}

/// <summary>
/// A realistic corpus: Vietnamese news whose words follow a Zipf law over function words, general phrases, the
/// document's sector phrases, place names and a combinatorial inventory of several thousand syllables (rare words),
/// so that a query word occurs in a few percent of the documents (real text), not in most of them (<see cref="Corpus"/>).
/// The benchmark queries' syllables are kept out of the generated inventory, so their frequency is the lists' alone.
/// </summary>
internal sealed class ZipfCorpus : ICorpus
{
    /// <summary>Every query the benchmarks send (engine, HTTP, peer): their folded syllables are reserved.</summary>
    public static readonly string[] Queries =
    [
        "đường", "bão", "can tho", "đầu tư công", "công nghệ thông tin", "phát triển kinh tế xã hội", "du lịch",
        "hau giang nong nghiep", "giá lúa", "chuyển đổi số", "an toàn giao thông", "bệnh viện", "khóm Cầu Đúc",
        "nguồn vốn ngân sách trung ương giải ngân", "Dương Văn An", "thủ tục hành chính một cửa",
        "đầu tư", "Hậu Giang du lịch", "nông nghiệp công nghệ cao", "kênh xáng",
    ];

    public static readonly string[] Inventory = Syllables.Inventory(20261130,
        Queries.SelectMany(q => q.Split(' ')).Select(Syllables.Fold).ToHashSet(StringComparer.Ordinal));

    private static readonly string[] Types = ["News", "News", "News", "Event", "Notice", "Guide"];
    private static readonly Zipf InventoryLaw = new(Inventory.Length, 1.0);
    private static readonly Zipf CommonLaw = new(ZipfWords.Common.Length, 1.0);
    private static readonly Zipf GeneralLaw = new(ZipfWords.General.Length, 1.1);
    private static readonly Zipf TopicLaw = new(ZipfWords.Topics.Max(t => t.Phrases.Length), 1.0);
    private static readonly Zipf PlaceLaw = new(ZipfWords.HauGiangPlaces.Length, 1.2);

    private readonly Random _random;
    private readonly DateTimeOffset _origin = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public ZipfCorpus(int seed) => _random = new Random(seed);

    public string[] SectorFilters => ["sector-y-te", "sector-giao-thong", "sector-nong-nghiep"];

    public SearchDocument Next(int number)
    {
        var tenant = Corpus.Tenants[number % Corpus.Tenants.Length];
        var topics = Topics();
        var id = $"item{number:D7}";
        return new SearchDocument(tenant, id, Types[_random.Next(Types.Length)],
            Sentence(tenant, topics, 6 + _random.Next(7), 0.25), Sentence(tenant, topics, 20 + _random.Next(10), 0.1),
            Text(tenant, topics, 280 + _random.Next(40)), $"/{tenant}/tin-tuc/{id}",
            _origin.AddMinutes(-_random.Next(3 * 365 * 24 * 60)), topics.Select(t => ZipfWords.Topics[t].Sector).ToArray());
    }

    /// <summary>An investment call: the same vocabulary, a title naming a sector phrase and a place.</summary>
    public SearchDocument NextCall(int number)
    {
        var tenant = Corpus.Tenants[number % Corpus.Tenants.Length];
        var topics = Topics();
        var id = $"call{number:D7}";
        var title = $"Kêu gọi đầu tư dự án {Topic(topics[0])} tại {Place(tenant)}";
        return new SearchDocument(tenant, id, "InvestmentCall", title,
            "Dự án kêu gọi nhà đầu tư trong và ngoài nước. " + Sentence(tenant, topics, 15 + _random.Next(10), 0.3),
            Text(tenant, topics, 120 + _random.Next(60)), $"/{tenant}/keu-goi-dau-tu/{id}",
            _origin.AddMinutes(-_random.Next(365 * 24 * 60)), topics.Select(t => ZipfWords.Topics[t].Sector).ToArray());
    }

    private int[] Topics()
    {
        var count = 1 + (_random.NextDouble() < 0.3 ? 1 : 0);
        return Enumerable.Range(0, count).Select(_ => _random.Next(ZipfWords.Topics.Length)).Distinct().ToArray();
    }

    private string Sentence(string tenant, int[] topics, int words, double topical)
    {
        var sb = new StringBuilder(words * 7);
        for (var i = 0; i < words; i++)
        {
            var word = Word(tenant, topics, topical);
            sb.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(i + 1 < words ? ' ' : '.');
        }

        return sb.ToString();
    }

    private string Text(string tenant, int[] topics, int words)
    {
        var sb = new StringBuilder(words * 7);
        while (words > 0)
        {
            var length = Math.Min(words, 8 + _random.Next(14));
            sb.Append(Sentence(tenant, topics, length, 0.03)).Append(' ');
            words -= length;
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>One word or phrase: a sector phrase with probability <paramref name="topical"/>, else by the shares below.</summary>
    private string Word(string tenant, int[] topics, double topical)
    {
        var r = _random.NextDouble();
        if (r < topical)
        {
            return Topic(topics[_random.Next(topics.Length)]);
        }

        r = _random.NextDouble();
        return r switch
        {
            < 0.44 => ZipfWords.Common[CommonLaw.Draw(_random)],
            < 0.84 => Inventory[InventoryLaw.Draw(_random)],
            < 0.979 => ZipfWords.General[GeneralLaw.Draw(_random)],
            < 0.999 => Place(tenant),
            _ => ZipfWords.People[_random.Next(ZipfWords.People.Length)],
        };
    }

    private string Topic(int topic)
    {
        var phrases = ZipfWords.Topics[topic].Phrases;
        int at;
        do
        {
            at = TopicLaw.Draw(_random);
        }
        while (at >= phrases.Length);
        return phrases[at];
    }

    /// <summary>Mostly the document's own province, sometimes the other one (cooperation news names both).</summary>
    private string Place(string tenant)
    {
        var own = _random.NextDouble() < 0.8;
        var places = (tenant == "haugiang") == own ? ZipfWords.HauGiangPlaces : ZipfWords.CanThoPlaces;
        return places[Math.Min(PlaceLaw.Draw(_random), places.Length - 1)];
    }

    /// <summary>Ranks 0..n-1 drawn with probability ∝ 1/(rank+1)^s.</summary>
    private sealed class Zipf
    {
        private readonly double[] _cumulative;

        public Zipf(int count, double exponent)
        {
            _cumulative = new double[count];
            double running = 0;
            for (var i = 0; i < count; i++)
            {
                running += 1.0 / Math.Pow(i + 1, exponent);
                _cumulative[i] = running;
            }

            for (var i = 0; i < count; i++)
            {
                _cumulative[i] /= running;
            }

            _cumulative[^1] = 1.0;
        }

        public int Draw(Random random)
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble());
            return index < 0 ? ~index : index;
        }
    }
}
