using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Portals.Admin.Http;

/// <summary>
/// The admin's language: Vietnamese unless the user chose English (<c>?lang=en</c>, remembered in a cookie).
/// Texts come from <c>Resources/AdminText.resx</c> (Vietnamese) and <c>AdminText.en.resx</c>.
/// </summary>
public static class AdminCulture
{
    public const string QueryKey = "lang";
    public const string CookieName = "portals.lang";
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo Apply(HttpContext context)
    {
        var requested = context.Request.Query[QueryKey].ToString();
        var chosen = Parse(requested);
        if (chosen is not null)
        {
            context.Response.Cookies.Append(CookieName, requested.ToLowerInvariant(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
        }
        var culture = chosen ?? Parse(context.Request.Cookies[CookieName]) ?? Vietnamese;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return culture;
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static CultureInfo? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        "vi" => Vietnamese,
        "en" => English,
        _ => null,
    };
}

/// <summary>Dates as dd/MM/yyyy in both languages, in Vietnam's time (UTC+7, no daylight saving).</summary>
public static class AdminFormat
{
    public static readonly TimeZoneInfo VietnamTime = TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "ICT", "ICT");

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime);

    public static DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), VietnamTime);

    public const string DatePattern = "dd/MM/yyyy";

    /// <summary>A date typed as dd/MM/yyyy (d/M/yyyy accepted too); the browser's own date input would follow its UI language.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Date(DateOnly date) => date.ToString(DatePattern, CultureInfo.InvariantCulture);

    public static string Date(DateTime? utc) => utc is { } value ? ToLocal(value).ToString(DatePattern, CultureInfo.InvariantCulture) : "";

    public static string Timestamp(DateTime? utc) => utc is { } value ? ToLocal(value).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "";

    public static string TimestampSeconds(DateTime? utc) => utc is { } value ? ToLocal(value).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) : "";
}
