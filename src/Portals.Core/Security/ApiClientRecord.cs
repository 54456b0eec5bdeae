using Microsoft.EntityFrameworkCore;
using Portals.Core.Data;

namespace Portals.Core.Security;

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

/// <summary>A verified client, as the token endpoint sees it: its id and roles.</summary>
public sealed record ApiClient(string ClientId, IReadOnlyList<string> Roles);

/// <summary>What an administrator sees of a client; never its secret or hash.</summary>
public sealed record ApiClientInfo(string ClientId, string DisplayName, IReadOnlyList<string> Roles, bool Enabled, DateTime CreatedUtc);

/// <summary>A client just created or given a new secret. <see cref="Secret"/> exists only here: show it once, it is not stored.</summary>
public sealed record ApiClientSecret(ApiClientInfo Client, string Secret);
