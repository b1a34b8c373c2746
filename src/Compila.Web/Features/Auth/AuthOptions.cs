namespace Compila.Web.Features.Auth;

/// <summary>The <c>Compila:Auth</c> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Compila:Auth";

    public string Issuer { get; set; } = "https://compila.dev";
    public string Audience { get; set; } = "compila-api";
    public int AccessTokenMinutes { get; set; } = 15;
    public int RefreshTokenDays { get; set; } = 30;

    /// <summary>PEM of an EC P-256 private key. When empty, a key is generated once and kept in the data folder.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>Failed sign-ins for one login within <see cref="LockoutMinutes"/> before it is locked.</summary>
    public int MaxFailedLogins { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
}
