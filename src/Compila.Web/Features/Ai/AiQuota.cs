using Compila.Web.Features.Users;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Compila.Web.Features.Ai;

/// <summary>Where a learner stands against the daily token quota of their plan.</summary>
public sealed record AiQuotaStatus(bool Allowed, string Plan, int UsedToday, int DailyLimit);

/// <summary>
/// Daily quotas per plan (<c>users.subscription_plan</c>; an expired subscription counts as free), summed from
/// today's (UTC) <c>ai_usage_logs</c>.
/// </summary>
public sealed class AiQuota(IOptionsMonitor<AiOptions> options, TimeProvider clock)
{
    public async Task<AiQuotaStatus> CheckAsync(CompilaDb db, Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SubscriptionPlan, u.SubscriptionExpiresAt })
            .SingleOrDefaultAsync(ct);
        var plan = user is null || (user.SubscriptionExpiresAt is { } expires && expires < now)
            ? SubscriptionPlan.Free
            : user.SubscriptionPlan;
        var label = EnumLabels.ToLabel(plan);
        var limit = options.CurrentValue.DailyTokenQuota.TryGetValue(label, out var configured) ? configured : 0;
        var midnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var used = await db.Set<AiUsageLog>()
            .Where(l => l.UserId == userId && l.CreatedAt >= midnight)
            .SumAsync(l => (int?)l.TotalTokens, ct) ?? 0;
        return new AiQuotaStatus(used < limit, label, used, limit);
    }
}
