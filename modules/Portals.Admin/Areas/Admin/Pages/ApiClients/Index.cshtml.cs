using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Portals.Admin.Identity;
using Portals.Core.Audit;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Security;
using ApiClientService = Portals.Core.Security.ApiClients;

namespace Portals.Admin.Areas.Admin.Pages.ApiClients;

/// <summary>
/// Administrators manage the tenant's JSON API clients: create one with roles (its secret is shown on this response
/// only), disable and enable, issue a new secret, delete. Every change and its audit entry are one SaveChanges
/// (<see cref="ApiClientService"/>); a disabled or deleted client's tokens stop working (at once in this process,
/// within <c>Portals:Api:ClientStatusCacheSeconds</c> on others).
/// </summary>
[RequirePermission(Permissions.ManageApiClients)]
public sealed class IndexModel(ApiClientService clients, TenantDatabase database, ILogger<IndexModel> logger) : AdminPageModel
{
    private IStringLocalizer<MediaText>? _text;

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public IReadOnlyList<ApiClientInfo> Clients { get; private set; } = [];

    public IReadOnlyList<RoleInfo> Roles { get; private set; } = [];

    /// <summary>A secret just generated, shown once on this response and never stored in clear.</summary>
    public ShownSecret? Secret { get; private set; }

    public string? Error { get; private set; }

    public string? RolesError => ModelState.TryGetValue("Input.Roles", out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    private IStringLocalizer<MediaText> M => _text ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<MediaText>>();

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        await LoadAsync();
        var clientId = Input.ClientId?.Trim() ?? "";
        var displayName = Input.DisplayName?.Trim() ?? "";
        var roles = Roles.Where(r => Input.Roles.Contains(r.Name, StringComparer.OrdinalIgnoreCase)).Select(r => r.Name).ToList();
        if (!ApiClientInput.IsValidId(clientId))
        {
            ModelState.AddModelError("Input.ClientId", M["ApiClients.IdInvalid"]);
        }
        else if (Clients.Any(c => c.ClientId.Equals(clientId, StringComparison.Ordinal)))
        {
            ModelState.AddModelError("Input.ClientId", M["ApiClients.IdTaken", clientId]);
        }
        if (!ApiClientInput.IsValidName(displayName))
        {
            ModelState.AddModelError("Input.DisplayName", M["ApiClients.NameInvalid"]);
        }
        if (roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", M["ApiClients.RolesRequired"]);
        }
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }
        try
        {
            var entry = AuditEntry(AuditActions.ApiClientChanged, Subject(clientId), $"created; roles: {string.Join(", ", roles)}");
            var created = await clients.CreateAsync(Tenant, clientId, displayName, roles, entry, cancellationToken);
            Secret = new ShownSecret(clientId, created.Secret, IsNew: true);
        }
        catch (ContentValidationException e)
        {
            // A rule of the service this page did not check first (or a race on the id): its own message.
            foreach (var error in e.Errors)
            {
                ModelState.AddModelError("Input." + error.Key, error.Message);
            }
            return Page();
        }
        AdminLog.ApiClientChanged(logger, CurrentUser.UserName, Tenant.Name, "created", clientId);
        ModelState.Clear();
        Input = new CreateInput();
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(string? clientId) => ChangeAsync(clientId, "disabled", "ApiClients.Disabled",
        (id, entry, ct) => clients.SetEnabledAsync(Tenant, id, false, entry, ct));

    public Task<IActionResult> OnPostEnableAsync(string? clientId) => ChangeAsync(clientId, "enabled", "ApiClients.Enabled",
        (id, entry, ct) => clients.SetEnabledAsync(Tenant, id, true, entry, ct));

    public Task<IActionResult> OnPostDeleteAsync(string? clientId) => ChangeAsync(clientId, "deleted", "ApiClients.Deleted",
        (id, entry, ct) => clients.DeleteAsync(Tenant, id, entry, ct));

    public async Task<IActionResult> OnPostSecretAsync(string? clientId)
    {
        var id = clientId ?? "";
        var entry = AuditEntry(AuditActions.ApiClientChanged, Subject(id), "new secret");
        if (await clients.ResetSecretAsync(Tenant, id, entry, HttpContext.RequestAborted) is not { } secret)
        {
            return await NotFoundAsync(id);
        }
        AdminLog.ApiClientChanged(logger, CurrentUser.UserName, Tenant.Name, "new secret", id);
        Secret = new ShownSecret(id, secret, IsNew: false);
        await LoadAsync();
        return Page();
    }

    public static string Subject(string clientId) => "apiclient:" + clientId;

    private async Task<IActionResult> ChangeAsync(string? clientId, string detail, string doneKey, Func<string, AuditEntry, CancellationToken, Task<bool>> change)
    {
        var id = clientId ?? "";
        if (!await change(id, AuditEntry(AuditActions.ApiClientChanged, Subject(id), detail), HttpContext.RequestAborted))
        {
            return await NotFoundAsync(id);
        }
        AdminLog.ApiClientChanged(logger, CurrentUser.UserName, Tenant.Name, detail, id);
        StatusMessage = M[doneKey, id];
        return RedirectToPage();
    }

    private async Task<IActionResult> NotFoundAsync(string clientId)
    {
        Error = M["ApiClients.NotFound", clientId];
        await LoadAsync();
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Clients = await clients.ListAsync(Tenant, cancellationToken);
        await using var db = database.Open(Tenant);
        Roles = await RoleDocument.ReadAsync(db, cancellationToken);
    }

    public sealed record ShownSecret(string ClientId, string Secret, bool IsNew);

    public sealed class CreateInput
    {
        public string? ClientId { get; set; }

        public string? DisplayName { get; set; }

        public List<string> Roles { get; set; } = [];
    }
}
