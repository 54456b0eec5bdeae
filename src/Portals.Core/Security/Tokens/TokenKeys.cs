using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Portals.Core.Cluster;

namespace Portals.Core.Security.Tokens;

/// <summary>
/// Keys created on first start (RSA keys as PEM, the secret-hashing key as base64): rows of the cluster database when
/// <c>Portals:Cluster:ConnectionString</c> is set (every node then signs and checks with the same keys), otherwise
/// files under the data folder.
/// </summary>
internal static class TokenKeys
{
    public static RsaSecurityKey LoadOrCreate(string folder, ClusterDatabase cluster, string name, ILogger logger)
    {
        var rsa = RSA.Create();
        var pem = LoadOrCreateText(folder, cluster, name + ".pem", () =>
        {
            rsa.KeySize = 2048;
            return rsa.ExportPkcs8PrivateKeyPem();
        }, logger);
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa) { KeyId = name + "-" + Convert.ToHexString(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16] };
    }

    /// <summary>256 random bits, e.g. the HMAC key of client secrets.</summary>
    public static byte[] LoadOrCreateSymmetric(string folder, ClusterDatabase cluster, string name, ILogger logger) =>
        Convert.FromBase64String(LoadOrCreateText(folder, cluster, name + ".key",
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), logger).Trim());

    private static string LoadOrCreateText(string folder, ClusterDatabase cluster, string fileName, Func<string> create, ILogger logger) =>
        cluster.Configured ? cluster.GetOrCreateKey(fileName, create) : LoadOrCreateFile(Path.Combine(folder, fileName), create, logger);

    private static string LoadOrCreateFile(string path, Func<string> create, ILogger logger)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = create();
        // Written to a temporary file first so that two starting nodes never read half a key.
        var temporary = path + "." + Guid.NewGuid().ToString("n") + ".tmp";
        File.WriteAllText(temporary, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
            CoreLog.CreatedKey(logger, path);
            return text;
        }
        catch (IOException)
        {
            // Another node won the race: use its key.
            File.Delete(temporary);
            return File.ReadAllText(path);
        }
    }
}
