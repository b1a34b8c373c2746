using Compila.Web.Features.Gamification.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Gamification;

internal sealed class UserBadges(CompilaDb db) : IUserBadges
{
    public async Task<IReadOnlyList<EarnedBadge>> EarnedAsync(Guid userId, CancellationToken ct)
    {
        var rows = await db.Set<UserBadge>().AsNoTracking()
            .Where(ub => ub.UserId == userId && ub.EarnedAt != null)
            .Join(db.Set<Badge>(), ub => ub.BadgeId, b => b.Id, (ub, b) => new { b.Id, b.Name, b.Description, b.IconUrl, b.Rarity, b.Category, EarnedAt = ub.EarnedAt!.Value })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.EarnedAt).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new EarnedBadge(r.Id, r.Name, r.Description, r.IconUrl, r.Rarity, r.Category, r.EarnedAt)).ToList();
    }
}
