using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Data;
using Portals.Core.Tenants;

namespace Portals.Contents.Security;

/// <summary>A machine client of one tenant's API (OAuth2 client credentials). The secret is stored hashed only.</summary>
public sealed class ApiClientRecord
{
    public long Id { get; set; }
    public string ClientId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string SecretHash { get; set; } = "";

    /// <summary>JSON array of role names; permissions come from the tenant's Roles document at request time.</summary>
    public string Roles { get; set; } = "[]";
    public bool Enabled { get; set; } = true;
    public DateTime CreatedUtc { get; set; }
}

/// <summary>Adds the <c>ApiClients</c> table to every tenant database.</summary>
public sealed class ApiClientsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        var client = modelBuilder.Entity<ApiClientRecord>();
        client.ToTable("ApiClients");
        client.Property(c => c.ClientId).HasMaxLength(64);
        client.HasIndex(c => c.ClientId).IsUnique();
    }
}

/// <summary>A verified client: its id and roles.</summary>
public sealed record ApiClient(string ClientId, IReadOnlyList<string> Roles);

/// <summary>Creates and verifies a tenant's API clients. Secrets use Identity's PBKDF2 hasher, like user passwords.</summary>
public sealed class ApiClients(TenantDatabase database, TimeProvider clock)
{
    private static readonly PasswordHasher<ApiClientRecord> Hasher = new();

    public async Task<bool> ExistsAsync(TenantContext tenant, string clientId, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        return await db.Set<ApiClientRecord>().AnyAsync(c => c.ClientId == clientId, cancellationToken);
    }

    public async Task CreateAsync(TenantContext tenant, string clientId, string secret, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        var record = new ApiClientRecord
        {
            ClientId = clientId,
            DisplayName = clientId,
            Roles = JsonSerializer.Serialize(roles),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        record.SecretHash = Hasher.HashPassword(record, secret);
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The client when it exists in this tenant, is enabled and the secret matches; otherwise null.</summary>
    public async Task<ApiClient?> VerifyAsync(TenantContext tenant, string? clientId, string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret) || clientId.Length > 64)
        {
            return null;
        }
        await using var db = database.Open(tenant);
        var record = await db.Set<ApiClientRecord>().FirstOrDefaultAsync(c => c.ClientId == clientId && c.Enabled, cancellationToken);
        if (record is null || Hasher.VerifyHashedPassword(record, record.SecretHash, secret) == PasswordVerificationResult.Failed)
        {
            return null;
        }
        return new ApiClient(record.ClientId, JsonSerializer.Deserialize<List<string>>(record.Roles) ?? []);
    }

    /// <summary>A 256-bit random secret, URL-safe.</summary>
    public static string GenerateSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
