using System.Text.Json.Nodes;
using Portals.Admin.Identity;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Security;

namespace Portals.Admin.Areas.Admin.Pages.Settings;

/// <summary>
/// The portal's settings, read-only: nothing here is editable at runtime. The name, addresses, theme and limits come
/// from the server's configuration (<c>Portals:Tenants:{name}</c>); language and time zone from the setup recipe's
/// <c>settings</c> step. Changing them is a deployment task (configuration, restart), which the page says.
/// </summary>
[RequirePermission(Permissions.ManageSettings)]
public sealed class IndexModel(IContentStore store) : AdminPageModel
{
    public string? Culture { get; private set; }

    public string? TimeZone { get; private set; }

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        await using var session = await store.OpenAsync(Tenant, cancellationToken);
        if (await session.GetDocumentAsync(DocumentKeys.Site, cancellationToken) is JsonObject site)
        {
            Culture = Text(site["Culture"]);
            TimeZone = Text(site["TimeZoneId"]);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
