using Compila.Web.Features.Billing.Contracts;
using Compila.Web.Features.Users.Contracts;

namespace Compila.Web.Features.Billing;

/// <summary>Reads the learner's plan from Users (the plan Billing applied from Stripe's state) and asks the catalog.</summary>
internal sealed class PlanGates(IUserPlans plans, TimeProvider clock) : IPlanGates
{
    public async Task<bool> UnlocksAsync(Guid userId, PlanCapability capability, CancellationToken ct) =>
        await plans.FindAsync(userId, ct) is { } plan && PlanCatalog.Unlocks(plan.EffectivePlan(clock.GetUtcNow()), capability);
}
