using Compila.Web.Infrastructure.Events;

namespace Compila.Web.Features.Users.Contracts;

/// <summary>A learner's plan as stored on <c>users</c>: <paramref name="Plan"/> is <c>free</c>, <c>pro</c> or <c>pro_plus</c>.</summary>
public sealed record UserPlan(Guid UserId, string Plan, DateTimeOffset? ExpiresAt)
{
    /// <summary>The plan in force at <paramref name="now"/>: an expired subscription counts as free.</summary>
    public string EffectivePlan(DateTimeOffset now) => ExpiresAt is { } expires && expires < now ? "free" : Plan;
}

/// <summary>
/// A plan change another feature asks Users to apply. <paramref name="Source"/> says who decided it (<c>stripe</c>,
/// <c>admin</c>) and travels in <see cref="PlanChanged"/>, so every change is audited.
/// </summary>
public sealed record PlanChangeRequest(Guid UserId, string Plan, DateTimeOffset? ExpiresAt, string Source);

/// <summary>Reads and changes the plan columns of <c>users</c>, which only the Users feature writes.</summary>
public interface IUserPlans
{
    Task<UserPlan?> FindAsync(Guid userId, CancellationToken ct);

    /// <summary>
    /// Stages the change on the caller's scoped <c>CompilaDb</c> and, when plan or expiry differ, publishes
    /// <see cref="PlanChanged"/> with it; both commit with the caller's next <c>SaveChanges</c>. Returns the plan as it
    /// will be, or null for an unknown user. Never exposed through an endpoint a learner can call: Billing applies
    /// only what a verified Stripe webhook or Stripe's own state says.
    /// </summary>
    Task<UserPlan?> ApplyAsync(PlanChangeRequest change, CancellationToken ct);
}

/// <summary>A learner's plan or its expiry changed (<paramref name="Source"/>: <c>stripe</c>, <c>admin</c>).</summary>
public sealed record PlanChanged(
    Guid UserId, string FromPlan, string ToPlan, DateTimeOffset? ExpiresAt, string Source, DateTimeOffset ChangedAt) : IPublishedEvent
{
    public static string Type => "plan_changed";
}
