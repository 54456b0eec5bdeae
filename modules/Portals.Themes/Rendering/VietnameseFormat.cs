using System.Globalization;

namespace Portals.Themes.Rendering;

/// <summary>
/// Dates as dd/MM/yyyy in Vietnam's time, numbers with '.' for thousands and ',' for decimals (1.250,5 tỷ đồng).
/// The separators are spelled out rather than taken from the vi-VN culture, so output never depends on ICU data.
/// </summary>
public static class VietnameseFormat
{
    public static readonly TimeZoneInfo VietnamTime = FindVietnamTime();

    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NegativeSign = "-",
    };

    public static string Date(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, VietnamTime).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, VietnamTime).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Today in Vietnam: what "still open" and "upcoming" are measured against.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), VietnamTime).DateTime);

    public static DateOnly LocalDate(DateTimeOffset value) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(value, VietnamTime).DateTime);

    /// <summary>Up to two decimals, trailing zeros dropped: 1250.5 → "1.250,5", 1250 → "1.250".</summary>
    public static string Number(decimal value) => value.ToString("#,##0.##", Numbers);

    public static string BillionDong(decimal value) => Number(value) + " tỷ đồng";

    public static string Hectares(decimal value) => Number(value) + " ha";

    private static TimeZoneInfo FindVietnamTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // Vietnam has kept UTC+7 without daylight saving since 1975: a fixed offset is exact for every date shown.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
