using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Challenges;

internal sealed class ChallengeQueries(CompilaDb db) : IChallengeCatalog
{
    public IQueryable<ChallengeFacts> Published() => Facts(ChallengeRules.Published(db.Set<Challenge>()));

    public IQueryable<ChallengeFacts> All() => Facts(db.Set<Challenge>());

    static IQueryable<ChallengeFacts> Facts(IQueryable<Challenge> challenges) => challenges.AsNoTracking().Select(c => new ChallengeFacts
    {
        Id = c.Id,
        Slug = c.Slug,
        Title = c.Title,
        Stack = c.Stack,
        Level = c.Level,
        Difficulty = c.Difficulty,
        XpReward = c.XpReward,
        Technologies = c.Technologies,
        Tags = c.Tags,
        Badges = c.Badges,
        Languages = c.Languages,
        SolutionCode = c.SolutionCode,
    });
}

internal static class ChallengeRules
{
    /// <summary>A challenge is published while its content says so; the importer withdraws it by clearing the date.</summary>
    public static IQueryable<Challenge> Published(IQueryable<Challenge> challenges) => challenges.Where(c => c.PublishedAt != null);
}
