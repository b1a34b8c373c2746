using Compila.Web.Features.Users.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Users;

internal sealed class UserPlans(CompilaDb db, IEventPublisher events, TimeProvider clock) : IUserPlans
{
    public async Task<UserPlan?> FindAsync(Guid userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.SubscriptionPlan, u.SubscriptionExpiresAt })
            .SingleOrDefaultAsync(ct) is { } row
            ? new UserPlan(row.Id, EnumLabels.ToLabel(row.SubscriptionPlan), row.SubscriptionExpiresAt)
            : null;

    public async Task<UserPlan?> ApplyAsync(PlanChangeRequest change, CancellationToken ct)
    {
        if (!EnumLabels.TryParse<SubscriptionPlan>(change.Plan, out var plan))
        {
            throw new ArgumentException($"Unknown plan '{change.Plan}'.", nameof(change));
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == change.UserId, ct);
        if (user is null)
        {
            return null;
        }

        var from = EnumLabels.ToLabel(user.SubscriptionPlan);
        if (user.SubscriptionPlan != plan || user.SubscriptionExpiresAt != change.ExpiresAt)
        {
            var now = clock.GetUtcNow();
            user.SubscriptionPlan = plan;
            user.SubscriptionExpiresAt = change.ExpiresAt;
            user.UpdatedAt = now;
            events.Publish(new PlanChanged(user.Id, from, change.Plan, change.ExpiresAt, change.Source, now));
        }

        return new UserPlan(user.Id, EnumLabels.ToLabel(user.SubscriptionPlan), user.SubscriptionExpiresAt);
    }
}

public static class UserPlansServices
{
    public static void AddCompilaUserPlans(this WebApplicationBuilder builder) =>
        builder.Services.AddScoped<IUserPlans, UserPlans>();
}
