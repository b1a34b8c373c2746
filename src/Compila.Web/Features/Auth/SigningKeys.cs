using System.Security.Cryptography;
using Compila.Web.Infrastructure.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Compila.Web.Features.Auth;

/// <summary>
/// The ES256 key that signs access tokens. Every instance of the app must share it: configure
/// <c>Compila:Auth:SigningKeyPem</c>, or let instances share one data folder.
/// </summary>
public sealed class SigningKeys
{
    public SigningKeys(IOptions<AuthOptions> auth, IOptions<CompilaOptions> compila)
    {
        var ecdsa = ECDsa.Create();
        var pem = auth.Value.SigningKeyPem;
        if (string.IsNullOrWhiteSpace(pem))
        {
            pem = LoadOrCreatePem(Path.Combine(compila.Value.FullDataDir, "keys", "jwt-es256.pem"));
        }

        ecdsa.ImportFromPem(pem);
        var publicOnly = ECDsa.Create(ecdsa.ExportParameters(includePrivateParameters: false));

        var publicKey = new ECDsaSecurityKey(publicOnly);
        var keyId = Base64UrlEncoder.Encode(publicKey.ComputeJwkThumbprint());
        publicKey.KeyId = keyId;
        SigningKey = new ECDsaSecurityKey(ecdsa) { KeyId = keyId };
        ValidationKey = publicKey;
        Credentials = new SigningCredentials(SigningKey, SecurityAlgorithms.EcdsaSha256);

        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(publicKey);
        jwk.Use = "sig";
        jwk.Alg = SecurityAlgorithms.EcdsaSha256;
        PublicJwk = jwk;
    }

    public ECDsaSecurityKey SigningKey { get; }
    public ECDsaSecurityKey ValidationKey { get; }
    public SigningCredentials Credentials { get; }
    public JsonWebKey PublicJwk { get; }

    static string LoadOrCreatePem(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportPkcs8PrivateKeyPem();
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temp, options))
        {
            writer.Write(pem);
        }

        try
        {
            // Two instances starting together on one data folder must end up with one key.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException)
        {
            File.Delete(temp);
        }

        return File.ReadAllText(path);
    }
}
