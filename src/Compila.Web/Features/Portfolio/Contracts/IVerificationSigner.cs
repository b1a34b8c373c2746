namespace Compila.Web.Features.Portfolio.Contracts;

/// <summary>A canonical JSON record and its ES256 signature, checkable with the keys at <c>/v1/portfolio/verifications/keys</c>.</summary>
public sealed record SignedRecord(string Payload, string Signature, string KeyId);

/// <summary>
/// Signs what the server attests about judged work with the one verification key, so a portfolio project and an
/// assessment result are checked the same way by anyone holding the public key.
/// </summary>
public interface IVerificationSigner
{
    /// <summary>Fields are strings, integers or instants; see <c>VerificationKeys.Canonical</c> for the exact bytes.</summary>
    SignedRecord Sign(IReadOnlyDictionary<string, object> fields);
}
