using Compila.Web.Features.Challenges;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Submissions;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Features.Submissions.Judging;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.SmartSolver;

/// <summary>
/// The spec's <c>_get_next_challenges</c>: published challenges the learner has not passed, ranked by shared tags and
/// technologies and by level (after a pass, the same or the next level; after a failure, the same or an easier one),
/// with a nudge for challenges already attempted and not yet passed.
/// </summary>
public static class NextChallenges
{
    public static async Task<IReadOnlyList<NextChallenge>> RecommendAsync(CompilaDb db, IChallengeCatalog catalog, Guid userId, Guid challengeId, bool passed, int count, CancellationToken ct)
    {
        var current = await catalog.All().SingleOrDefaultAsync(c => c.Id == challengeId, ct);
        if (current is null)
        {
            return [];
        }

        var mine = await db.Submissions.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new { s.ChallengeId, s.Status }).ToListAsync(ct);
        var solved = mine.Where(s => s.Status == SubmissionStatus.Passed).Select(s => s.ChallengeId).ToHashSet();
        var attempted = mine.Select(s => s.ChallengeId).ToHashSet();
        var candidates = await catalog.Published().Where(c => c.Id != challengeId).ToListAsync(ct);

        var ranked = candidates
            .Where(c => !solved.Contains(c.Id))
            .Select(c =>
            {
                var tags = c.Tags.Intersect(current.Tags).ToList();
                var technologies = c.Technologies.Intersect(current.Technologies).ToList();
                var step = (int)c.Level - (int)current.Level;
                var levelScore = passed
                    ? step switch { 0 => 2, 1 => 3, _ => 0 }
                    : step switch { 0 => 2, -1 => 3, _ => 0 };
                var score = tags.Count * 3 + technologies.Count * 2 + levelScore + (attempted.Contains(c.Id) ? 1 : 0);
                return (Challenge: c, Score: score, Reason: Reason(tags, technologies, step, passed, attempted.Contains(c.Id)));
            })
            .OrderByDescending(r => r.Score)
            .ThenBy(r => Math.Abs(r.Challenge.Difficulty - current.Difficulty))
            .ThenBy(r => r.Challenge.Slug, StringComparer.Ordinal)
            .Take(count);

        return [.. ranked.Select(r => new NextChallenge(r.Challenge.Id, r.Challenge.Slug, r.Challenge.Title, EnumLabels.ToLabel(r.Challenge.Level), r.Reason))];
    }

    static string Reason(List<string> tags, List<string> technologies, int step, bool passed, bool attempted)
    {
        var parts = new List<string>();
        if (tags.Count + technologies.Count > 0)
        {
            parts.Add($"pratica {string.Join(", ", tags.Concat(technologies).Distinct().Take(3))}");
        }

        parts.Add(step switch
        {
            0 => "mesmo nível",
            1 when passed => "próximo nível",
            -1 when !passed => "um passo mais fácil para firmar a base",
            > 0 => "nível acima",
            _ => "nível abaixo",
        });
        if (attempted)
        {
            parts.Add("você já começou e ainda não passou");
        }

        var text = string.Join("; ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }
}
