using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portals.Core.Data;
using Portals.Core.Tenants;

namespace Portals.Core.Security;

/// <summary>Each tenant's own users, with ASP.NET Core Identity's password hashing.</summary>
public sealed class UserAccounts(TenantDatabase database, TimeProvider clock)
{
    private static readonly PasswordHasher<UserRecord> Hasher = new();

    public async Task<bool> ExistsAsync(TenantContext tenant, string userName, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        var normalized = Normalize(userName);
        return await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, cancellationToken);
    }

    public async Task CreateAsync(TenantContext tenant, string userName, string password, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        var user = new UserRecord
        {
            UserName = userName,
            NormalizedUserName = Normalize(userName),
            Roles = JsonSerializer.Serialize(roles),
            SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The user's roles when the password matches, otherwise null.</summary>
    public async Task<IReadOnlyList<string>?> VerifyAsync(TenantContext tenant, string userName, string password, CancellationToken cancellationToken)
    {
        await using var db = database.Open(tenant);
        var normalized = Normalize(userName);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized && u.Enabled, cancellationToken);
        if (user is null || Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            return null;
        }
        return JsonSerializer.Deserialize<List<string>>(user.Roles) ?? [];
    }

    public static string HashPassword(UserRecord user, string password) => Hasher.HashPassword(user, password);

    /// <summary>Also true for a hash in an older format (rehash on success is then advisable).</summary>
    public static bool VerifyPassword(UserRecord user, string password) =>
        Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;

    /// <summary>
    /// The configured first-run secret, or a generated one printed once to the console (the only place it ever
    /// appears, since only its hash is stored).
    /// </summary>
    public static string ConfiguredOrPrinted(string? configured, string label, Func<string> generate)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        var secret = generate();
        Console.WriteLine($"{label} (shown once): {secret}");
        return secret;
    }

    /// <summary>A password strong enough for a first sign-in, to be changed afterwards.</summary>
    public static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y') + "!7a";

    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();
}
