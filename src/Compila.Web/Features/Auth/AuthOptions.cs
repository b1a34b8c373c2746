using System.ComponentModel.DataAnnotations;

namespace Compila.Web.Features.Auth;

/// <summary>The <c>Compila:Auth</c> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Compila:Auth";

    [Required]
    public string Issuer { get; set; } = "https://compila.dev";

    [Required]
    public string Audience { get; set; } = "compila-api";

    [Range(1, 24 * 60)]
    public int AccessTokenMinutes { get; set; } = 15;

    [Range(1, 3650)]
    public int RefreshTokenDays { get; set; } = 30;

    /// <summary>PEM of an EC P-256 private key. When empty, a key is generated once and kept in the data folder.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>Failed sign-ins for one login within <see cref="LockoutMinutes"/> before it is locked.</summary>
    [Range(1, 1000)]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(1, 7 * 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;
}
