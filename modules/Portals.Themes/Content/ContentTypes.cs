namespace Portals.Themes.Content;

/// <summary>The routable types of the cooperation section, as named by the module recipes.</summary>
public static class ContentTypes
{
    public const string Program = "CooperationProgram";
    public const string SectorAgreement = "SectorAgreement";
    public const string KeyProject = "KeyProject";
    public const string Report = "ProgressReport";
    public const string InvestmentCall = "InvestmentCall";
    public const string InvestmentEvent = "InvestmentEvent";
    public const string News = "NewsArticle";

    /// <summary>Investment call status meaning "open for investors" (predefined list value).</summary>
    public const string CallOpen = "dang-keu-goi";
}
