using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Portals.Core.Security.Tokens;

/// <summary>Key files under the data folder (RSA keys as PEM, the secret-hashing key as base64), created on first start.</summary>
internal static class TokenKeys
{
    public static RsaSecurityKey LoadOrCreate(string folder, string name, ILogger logger)
    {
        var rsa = RSA.Create();
        var pem = LoadOrCreateText(Path.Combine(folder, name + ".pem"), () =>
        {
            rsa.KeySize = 2048;
            return rsa.ExportPkcs8PrivateKeyPem();
        }, logger);
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa) { KeyId = name + "-" + Convert.ToHexString(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16] };
    }

    /// <summary>256 random bits, e.g. the HMAC key of client secrets.</summary>
    public static byte[] LoadOrCreateSymmetric(string folder, string name, ILogger logger) =>
        Convert.FromBase64String(LoadOrCreateText(Path.Combine(folder, name + ".key"),
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), logger).Trim());

    private static string LoadOrCreateText(string path, Func<string> create, ILogger logger)
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
