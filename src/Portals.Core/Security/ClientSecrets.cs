using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portals.Core.Cluster;
using Portals.Core.Security.Tokens;
using Portals.Core.Tenants;

namespace Portals.Core.Security;

/// <summary>
/// Hashes API client secrets with HMAC-SHA256 under a server key (<c>{KeysPath}/client-secrets.key</c>, or the
/// cluster database's <c>portals_keys</c>), compared in
/// constant time. Generated secrets carry 256 random bits, so a slow password hash adds nothing but CPU cost per
/// request (PBKDF2 took ~117 ms); without the key file, a leaked database does not allow guessing secrets offline.
/// Hashes of the former format (ASP.NET Identity's PBKDF2) still verify and are replaced on their first success.
/// </summary>
public sealed class ClientSecrets
{
    private const string Prefix = "hmac-sha256:";
    private static readonly PasswordHasher<object> LegacyHasher = new();
    private static readonly byte[] Dummy = new byte[32];
    private readonly Lazy<byte[]> _key;

    public ClientSecrets(TenantRegistry registry, IOptions<ApiSecurityOptions> options, ClusterDatabase cluster, ILogger<ClientSecrets> logger) =>
        // Loaded on first use: the CLI never touches it, and the data folder may not exist yet at construction.
        // PublicationOnly: a failed load (e.g. a full disk) is retried next time rather than cached; racing loads
        // are harmless, as the key file is created once and read by everyone else.
        _key = new Lazy<byte[]>(() => TokenKeys.LoadOrCreateSymmetric(
            Path.Combine(registry.DataRoot, options.Value.KeysPath), cluster, "client-secrets", logger), LazyThreadSafetyMode.PublicationOnly);

    public string Hash(string secret) => Prefix + Convert.ToBase64String(Mac(secret));

    /// <summary>Whether <paramref name="secret"/> matches; with no stored hash (unknown client) the same work is done and false returned.</summary>
    public SecretCheck Verify(string? storedHash, string secret)
    {
        var mac = Mac(secret);
        if (storedHash is null || !storedHash.StartsWith(Prefix, StringComparison.Ordinal))
        {
            // Compared against a dummy so that an unknown client id costs what a known one does.
            _ = CryptographicOperations.FixedTimeEquals(mac, Dummy);
            return storedHash is null ? SecretCheck.Failed : VerifyLegacy(storedHash, secret);
        }
        var stored = new byte[mac.Length];
        var matches = Convert.TryFromBase64String(storedHash[Prefix.Length..], stored, out var written)
            && written == mac.Length
            && CryptographicOperations.FixedTimeEquals(mac, stored);
        return matches ? SecretCheck.Valid : SecretCheck.Failed;
    }

    /// <summary>A 256-bit random secret, URL-safe.</summary>
    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private byte[] Mac(string secret) => HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(secret));

    /// <summary>Only a client whose secret predates the keyed hash pays PBKDF2's cost, once per success until rehashed.</summary>
    private static SecretCheck VerifyLegacy(string storedHash, string secret)
    {
        try
        {
            return LegacyHasher.VerifyHashedPassword(new object(), storedHash, secret) == PasswordVerificationResult.Failed
                ? SecretCheck.Failed
                : SecretCheck.ValidNeedsRehash;
        }
        catch (FormatException)
        {
            return SecretCheck.Failed;
        }
    }
}

public enum SecretCheck
{
    Failed,
    Valid,
    ValidNeedsRehash,
}
