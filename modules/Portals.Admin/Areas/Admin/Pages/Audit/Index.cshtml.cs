using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portals.Admin.Http;
using Portals.Admin.Identity;
using Portals.Core.Audit;
using Portals.Core.Data;
using Portals.Core.Security;

namespace Portals.Admin.Areas.Admin.Pages.Audit;

/// <summary>The tenant's audit log, newest first, filtered by user, action and dates (Vietnam time). Read-only: no page writes it.</summary>
[RequirePermission(Permissions.ViewAuditLog)]
public sealed class IndexModel(TenantDatabase database) : AdminPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "event")]
    public string? Action { get; set; }

    /// <summary>dd/MM/yyyy, Vietnam time.</summary>
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    // "page" and "handler" are Razor Pages' own route values.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditRecord> Entries { get; private set; } = [];

    public IReadOnlyList<string> KnownUsers { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        await using var db = database.Open(Tenant);
        var entries = db.Set<AuditRecord>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(UserName))
        {
            var name = UserName.Trim();
            entries = entries.Where(a => a.UserName == name);
        }
        if (!string.IsNullOrEmpty(Action))
        {
            entries = entries.Where(a => a.Action == Action);
        }
        if (Day(nameof(From), From) is { } from)
        {
            var start = AdminFormat.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(a => a.CreatedUtc >= start);
        }
        if (Day(nameof(To), To) is { } to)
        {
            var end = AdminFormat.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(a => a.CreatedUtc < end);
        }
        Total = await entries.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Entries = await entries.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        KnownUsers = await db.Users.OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync(cancellationToken);
    }

    /// <summary>The typed date, or null; a date that cannot be read is reported next to its field and not applied.</summary>
    private DateOnly? Day(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (AdminFormat.TryParseDate(text, out var date))
        {
            return date;
        }
        AddError(field, "Common.DateInvalid", text);
        return null;
    }

    public Dictionary<string, string> RouteFor(int page)
    {
        var route = new Dictionary<string, string> { ["p"] = page.ToString(CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(UserName))
        {
            route["user"] = UserName;
        }
        if (!string.IsNullOrEmpty(Action))
        {
            route["event"] = Action;
        }
        if (!string.IsNullOrWhiteSpace(From))
        {
            route["from"] = From;
        }
        if (!string.IsNullOrWhiteSpace(To))
        {
            route["to"] = To;
        }
        return route;
    }
}
