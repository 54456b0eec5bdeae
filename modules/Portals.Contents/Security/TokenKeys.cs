using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Portals.Contents.Security;

/// <summary>RSA keys kept as PEM files under the data folder, created on first start.</summary>
internal static class TokenKeys
{
    public static RsaSecurityKey LoadOrCreate(string folder, string name, ILogger logger)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".pem");
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 2048;
            var pem = rsa.ExportPkcs8PrivateKeyPem();
            // Written to a temporary file first so that two starting nodes never read half a key.
            var temporary = path + "." + Guid.NewGuid().ToString("n") + ".tmp";
            File.WriteAllText(temporary, pem);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            try
            {
                File.Move(temporary, path, overwrite: false);
                ContentsLog.CreatedKey(logger, path);
            }
            catch (IOException)
            {
                File.Delete(temporary);
                rsa.ImportFromPem(File.ReadAllText(path));
            }
        }
        return new RsaSecurityKey(rsa) { KeyId = name + "-" + Convert.ToHexString(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16] };
    }
}
