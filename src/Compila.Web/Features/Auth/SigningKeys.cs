using System.Security.Cryptography;
using Compila.Web.Infrastructure.Configuration;
using Compila.Web.Infrastructure.Identity;
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
            pem = KeyFiles.LoadOrCreateEcPem(Path.Combine(compila.Value.FullDataDir, "keys", "jwt-es256.pem"));
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
}
