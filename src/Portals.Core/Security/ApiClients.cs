using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Audit;
using Portals.Core.Content;
using Portals.Core.Data;
using Portals.Core.Tenants;
using Portals.Core.Validation;

namespace Portals.Core.Security;

/// <summary>
/// A tenant's API clients: create (the generated secret is returned once), list, enable/disable, new secret, delete,
/// and the verification the token endpoint uses. Callers check <see cref="Permissions.ManageApiClients"/> first.
/// Invalid input throws <see cref="ContentValidationException"/> (a 400 problem with Vietnamese messages per field).
/// A disabled or deleted client's tokens stop working within <c>Portals:Api:ClientStatusCacheSeconds</c>, at once
/// in this process (<see cref="ApiClientStatus"/>). Each change can carry an <see cref="AuditEntry"/>, written in the
/// same SaveChanges (one transaction) as the change it records.
/// </summary>
public sealed partial class ApiClients(
    TenantDatabase database, ClientSecrets secrets, ContentPermissions permissions, ApiClientStatus status, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiClientInfo>> ListAsync(TenantContext tenant, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        var records = await db.Set<ApiClientRecord>().OrderBy(c => c.ClientId).ToListAsync(cancellationToken);
        return records.Select(Info).ToList();
    }

    public async Task<ApiClientInfo?> FindAsync(TenantContext tenant, string clientId, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        var record = await db.Set<ApiClientRecord>().FirstOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        return record is null ? null : Info(record);
    }

    public async Task<bool> ExistsAsync(TenantContext tenant, string clientId, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        return await db.Set<ApiClientRecord>().AnyAsync(c => c.ClientId == clientId, cancellationToken);
    }

    /// <summary>Creates an enabled client with a generated 256-bit secret, returned here and nowhere else.</summary>
    public Task<ApiClientSecret> CreateAsync(
        TenantContext tenant, string clientId, string displayName, IReadOnlyList<string> roles, CancellationToken cancellationToken) =>
        CreateAsync(tenant, clientId, displayName, roles, audit: null, cancellationToken);

    /// <inheritdoc cref="CreateAsync(TenantContext, string, string, IReadOnlyList{string}, CancellationToken)"/>
    public async Task<ApiClientSecret> CreateAsync(
        TenantContext tenant, string clientId, string displayName, IReadOnlyList<string> roles, AuditEntry? audit, CancellationToken cancellationToken)
    {
        var secret = ClientSecrets.Generate();
        var record = await AddAsync(tenant, clientId, displayName, secret, roles, audit, cancellationToken);
        return new ApiClientSecret(Info(record), secret);
    }

    /// <summary>Creates a client with a secret chosen elsewhere (configuration, tests); the id is also its display name.</summary>
    public Task CreateWithSecretAsync(TenantContext tenant, string clientId, string secret, IReadOnlyList<string> roles, CancellationToken cancellationToken) =>
        AddAsync(tenant, clientId, clientId, secret, roles, audit: null, cancellationToken);

    /// <summary>Enables or disables a client; false when it does not exist. Disabling stops its tokens too.</summary>
    public Task<bool> SetEnabledAsync(TenantContext tenant, string clientId, bool enabled, CancellationToken cancellationToken) =>
        SetEnabledAsync(tenant, clientId, enabled, audit: null, cancellationToken);

    /// <inheritdoc cref="SetEnabledAsync(TenantContext, string, bool, CancellationToken)"/>
    public Task<bool> SetEnabledAsync(TenantContext tenant, string clientId, bool enabled, AuditEntry? audit, CancellationToken cancellationToken) =>
        UpdateAsync(tenant, clientId, r => r.Enabled = enabled, audit, cancellationToken);

    /// <summary>Replaces the secret with a new generated one (returned once); tokens already issued stay valid until they expire.</summary>
    public Task<string?> ResetSecretAsync(TenantContext tenant, string clientId, CancellationToken cancellationToken) =>
        ResetSecretAsync(tenant, clientId, audit: null, cancellationToken);

    /// <inheritdoc cref="ResetSecretAsync(TenantContext, string, CancellationToken)"/>
    public async Task<string?> ResetSecretAsync(TenantContext tenant, string clientId, AuditEntry? audit, CancellationToken cancellationToken)
    {
        var secret = ClientSecrets.Generate();
        return await UpdateAsync(tenant, clientId, r => r.SecretHash = secrets.Hash(secret), audit, cancellationToken) ? secret : null;
    }

    /// <summary>Removes a client; false when it did not exist. Its tokens stop working.</summary>
    public Task<bool> DeleteAsync(TenantContext tenant, string clientId, CancellationToken cancellationToken) =>
        DeleteAsync(tenant, clientId, audit: null, cancellationToken);

    /// <inheritdoc cref="DeleteAsync(TenantContext, string, CancellationToken)"/>
    public async Task<bool> DeleteAsync(TenantContext tenant, string clientId, AuditEntry? audit, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db.Set<ApiClientRecord>().Where(c => c.ClientId == clientId).ExecuteDeleteAsync(cancellationToken) > 0;
        if (deleted && audit is not null)
        {
            AddAudit(db, audit);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        status.Forget(tenant, clientId);
        return deleted;
    }

    /// <summary>
    /// The client when it exists in this tenant, is enabled and the secret matches; otherwise null. Known and unknown
    /// ids cost the same (one indexed read, one HMAC), so timing does not tell which ids exist.
    /// </summary>
    public async Task<ApiClient?> VerifyAsync(TenantContext tenant, string? clientId, string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret) || clientId.Length > 64 || secret.Length > 512)
        {
            return null;
        }
        await using var db = database.Open(tenant);
        var record = await db.Set<ApiClientRecord>().FirstOrDefaultAsync(c => c.ClientId == clientId && c.Enabled, cancellationToken);
        var check = secrets.Verify(record?.SecretHash, secret);
        if (record is null || check == SecretCheck.Failed)
        {
            return null;
        }
        if (check == SecretCheck.ValidNeedsRehash)
        {
            await db.Set<ApiClientRecord>().Where(c => c.Id == record.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.SecretHash, secrets.Hash(secret)), cancellationToken);
        }
        return new ApiClient(record.ClientId, Roles(record));
    }

    private async Task<ApiClientRecord> AddAsync(
        TenantContext tenant, string clientId, string displayName, string secret, IReadOnlyList<string> roles, AuditEntry? audit,
        CancellationToken cancellationToken)
    {
        await ValidateAsync(tenant, clientId, displayName, roles, cancellationToken);
        await using var db = database.Open(tenant);
        var record = new ApiClientRecord
        {
            ClientId = clientId,
            DisplayName = displayName.Trim(),
            Roles = JsonSerializer.Serialize(roles),
            SecretHash = secrets.Hash(secret),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        if (await ExistsAsync(tenant, clientId, cancellationToken))
        {
            throw Invalid("ClientId", $"Đã có ứng dụng với mã '{clientId}'.");
        }
        // Two concurrent creations of one id: the unique index refuses the second (a 500, as a real conflict is rare).
        db.Add(record);
        AddAudit(db, audit);
        await db.SaveChangesAsync(cancellationToken);
        // A client re-created under a deleted one's id must not inherit a cached "inactive".
        status.Forget(tenant, clientId);
        return record;
    }

    private async Task<bool> UpdateAsync(
        TenantContext tenant, string clientId, Action<ApiClientRecord> change, AuditEntry? audit, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        var record = await db.Set<ApiClientRecord>().AsTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        if (record is null)
        {
            return false;
        }
        change(record);
        AddAudit(db, audit);
        await db.SaveChangesAsync(cancellationToken);
        status.Forget(tenant, clientId);
        return true;
    }

    private async Task ValidateAsync(TenantContext tenant, string clientId, string displayName, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!ClientIdPattern().IsMatch(clientId ?? ""))
        {
            errors.Add(new("ClientId", "Mã ứng dụng gồm 1–64 ký tự: chữ cái không dấu, chữ số, '.', '-' hoặc '_', bắt đầu bằng chữ cái hoặc chữ số."));
        }
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 200 || displayName.Any(char.IsControl))
        {
            errors.Add(new("DisplayName", "Tên hiển thị có 1–200 ký tự và không chứa ký tự điều khiển."));
        }
        var known = await permissions.RoleNamesAsync(tenant, cancellationToken);
        if (roles.Count == 0)
        {
            errors.Add(new("Roles", "Chọn ít nhất một vai trò."));
        }
        errors.AddRange(roles.Where(r => !known.Contains(r)).Select(r => new FieldError("Roles", $"Vai trò '{r}' không tồn tại trong cổng này.")));
        if (errors.Count > 0)
        {
            throw new ContentValidationException(errors);
        }
    }

    /// <summary>In the change's own SaveChanges, so the entry commits with it or not at all.</summary>
    private void AddAudit(PortalsDbContext db, AuditEntry? audit)
    {
        if (audit is not null)
        {
            AuditLog.Add(db, audit, clock.GetUtcNow().UtcDateTime);
        }
    }

    private static ContentValidationException Invalid(string key, string message) => new([new FieldError(key, message)]);

    private static ApiClientInfo Info(ApiClientRecord r) => new(r.ClientId, r.DisplayName, Roles(r), r.Enabled, r.CreatedUtc);

    private static List<string> Roles(ApiClientRecord r) => JsonSerializer.Deserialize<List<string>>(r.Roles) ?? [];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex ClientIdPattern();
}
