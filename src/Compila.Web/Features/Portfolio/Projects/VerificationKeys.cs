using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Compila.Web.Features.Portfolio.Contracts;
using Compila.Web.Infrastructure.Configuration;
using Compila.Web.Infrastructure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Compila.Web.Features.Portfolio.Projects;

/// <summary>
/// The ES256 key that signs verification records, kept apart from the access-token key (one key, one purpose) but
/// handled the same way: <c>Compila:Portfolio:VerificationKeyPem</c>, or a file in the data folder (mode 600) that
/// instances sharing the folder share. Signatures are IEEE P1363 (r‖s), base64url, as in JWS.
/// </summary>
public sealed class VerificationKeys : IVerificationSigner
{
    readonly ECDsa key;

    public VerificationKeys(IConfiguration configuration, IOptions<CompilaOptions> compila)
    {
        var pem = configuration["Compila:Portfolio:VerificationKeyPem"];
        if (string.IsNullOrWhiteSpace(pem))
        {
            pem = KeyFiles.LoadOrCreateEcPem(Path.Combine(compila.Value.FullDataDir, "keys", "portfolio-verification-es256.pem"));
        }

        key = ECDsa.Create();
        key.ImportFromPem(pem);
        var publicKey = new ECDsaSecurityKey(ECDsa.Create(key.ExportParameters(includePrivateParameters: false)));
        KeyId = Base64UrlEncoder.Encode(publicKey.ComputeJwkThumbprint());
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(publicKey);
        PublicJwk = new PublicKeyJwk(jwk.Kty, jwk.Crv, jwk.X, jwk.Y, KeyId, "sig", "ES256");
    }

    public string KeyId { get; }

    public PublicKeyJwk PublicJwk { get; }

    public SignedRecord Sign(IReadOnlyDictionary<string, object> fields)
    {
        var payload = Canonical(fields);
        return new SignedRecord(payload, Sign(payload), KeyId);
    }

    public string Sign(string payload) =>
        Base64UrlEncoder.Encode(key.SignData(Encoding.UTF8.GetBytes(payload), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

    /// <summary>
    /// The canonical JSON of a record: keys in ordinal order, no whitespace, strings and integers only, times as
    /// UTC ISO 8601 with milliseconds. The stored text is what was signed; verifiers check these exact bytes.
    /// </summary>
    public static string Canonical(IReadOnlyDictionary<string, object> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                switch (value)
                {
                    case int number:
                        writer.WriteNumber(name, number);
                        break;
                    case DateTimeOffset time:
                        writer.WriteString(name, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    default:
                        writer.WriteString(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>A public key as a JWK (RFC 7517), for anyone re-checking a verification record.</summary>
public sealed record PublicKeyJwk(string Kty, string Crv, string X, string Y, string Kid, string Use, string Alg);
