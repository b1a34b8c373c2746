namespace Compila.Web.Features.Billing;

/// <summary>
/// The plan a learner holds, decided from our copy of Stripe's state only (subscriptions as last read, passes paid):
/// the same inputs always give the same plan, so event order cannot matter.
/// </summary>
internal static class PlanState
{
    /// <summary>Statuses under which a subscription's paid period (plus the grace days) still grants its plan.</summary>
    static readonly HashSet<string> Granting = ["active", "trialing", "past_due"];

    public static (string Plan, DateTimeOffset? ExpiresAt) Resolve(
        IEnumerable<BillingSubscription> subscriptions, DateTimeOffset? passExpiresAt, TimeSpan grace, DateTimeOffset now)
    {
        var grants = subscriptions
            .Where(s => Granting.Contains(s.Status) && s.CurrentPeriodEnd is not null)
            .Select(s => (s.Plan, Until: s.CurrentPeriodEnd!.Value + grace))
            .ToList();
        if (passExpiresAt is { } pass)
        {
            grants.Add((PlanCatalog.Pro, pass));
        }

        var best = grants.Where(g => g.Until > now)
            .OrderByDescending(g => PlanCatalog.Rank(g.Plan)).ThenByDescending(g => g.Until)
            .Select(g => ((string Plan, DateTimeOffset Until)?)g)
            .FirstOrDefault();
        return best is { } b ? (b.Plan, b.Until) : (PlanCatalog.Free, null);
    }
}
