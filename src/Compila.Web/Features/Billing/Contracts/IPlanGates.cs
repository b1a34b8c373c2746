namespace Compila.Web.Features.Billing.Contracts;

/// <summary>
/// What a paid plan unlocks beyond the daily AI quota. Each capability is enforced by the feature that owns it, which
/// asks <see cref="IPlanGates"/>; which plan unlocks which is declared once, in Billing's <c>PlanCatalog</c>, which
/// <c>GET /v1/billing/plans</c> and the pricing page read, so the page cannot promise what no gate enforces.
/// </summary>
public enum PlanCapability
{
    /// <summary>The PDF CV (<c>POST /v1/portfolio/export</c>) without the "Gerado por compila.dev" footer.</summary>
    CvWithoutBranding,

    /// <summary>Job applications marked featured for the company: a badge, and first among applicants of equal score.</summary>
    FeaturedApplications,
}

/// <summary>Asks whether a learner's plan unlocks a capability; the features that own capabilities call it.</summary>
public interface IPlanGates
{
    /// <summary>
    /// Whether the plan in force now unlocks <paramref name="capability"/>: an expired plan counts as free, and so does
    /// an unknown user.
    /// </summary>
    Task<bool> UnlocksAsync(Guid userId, PlanCapability capability, CancellationToken ct);
}
