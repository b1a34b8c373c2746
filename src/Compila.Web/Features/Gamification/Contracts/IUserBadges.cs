namespace Compila.Web.Features.Gamification.Contracts;

/// <summary>Badges a learner has earned, for pages that show them (the public profile, exports).</summary>
public interface IUserBadges
{
    /// <summary>Earned badges only (progress toward unearned ones is the learner's own), most recent first.</summary>
    Task<IReadOnlyList<EarnedBadge>> EarnedAsync(Guid userId, CancellationToken ct);
}

/// <summary><paramref name="Rarity"/> is common, rare, epic or legendary; <paramref name="Category"/> skill, achievement or community.</summary>
public sealed record EarnedBadge(string Id, string Name, string? Description, string? IconUrl, string Rarity, string? Category, DateTimeOffset EarnedAt);
