using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Portfolio.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Portfolio.Skills;

internal sealed class VerifiedSkills(CompilaDb db) : IVerifiedSkills
{
    public async Task<IReadOnlyList<VerifiedSkill>> OfUserAsync(Guid userId, CancellationToken ct)
    {
        var rows = await db.Set<VerifiedChallenge>().AsNoTracking().AsSplitQuery().Include(v => v.Technologies)
            .Where(v => v.UserId == userId).ToListAsync(ct);
        return Summarize(rows);
    }

    public IQueryable<Guid> UsersWithSkill(SkillKind kind, string name, ChallengeLevel atLeast, int minChallenges = 1)
    {
        var normalized = PassFact.Normalize(name);
        var levels = Enum.GetValues<ChallengeLevel>().Where(l => l >= atLeast).ToList();
        var challenges = db.Set<VerifiedChallenge>().AsNoTracking().Where(v => levels.Contains(v.Level));
        return kind switch
        {
            SkillKind.Language => challenges.Where(v => v.Language == normalized)
                .GroupBy(v => v.UserId).Where(g => g.Count() >= minChallenges).Select(g => g.Key),
            SkillKind.Stack => EnumLabels.TryParse<ChallengeStack>(normalized, out var stack)
                ? challenges.Where(v => v.Stack == stack)
                    .GroupBy(v => v.UserId).Where(g => g.Select(v => v.ChallengeId).Distinct().Count() >= minChallenges).Select(g => g.Key)
                : challenges.Where(_ => false).Select(v => v.UserId),
            _ => db.Set<VerifiedTechnology>().AsNoTracking().Where(t => t.Technology == normalized && levels.Contains(t.Level))
                .GroupBy(t => t.UserId).Where(g => g.Select(t => t.ChallengeId).Distinct().Count() >= minChallenges).Select(g => g.Key),
        };
    }

    internal static IReadOnlyList<VerifiedSkill> Summarize(IReadOnlyList<VerifiedChallenge> rows)
    {
        var evidence = rows.Select(r => (Row: r, Evidence: new SkillEvidence(r.SubmissionId, r.ChallengeId, r.ChallengeSlug, r.Language, r.Stack, r.Level,
            r.Technologies.Select(t => t.Technology).Order(StringComparer.Ordinal).ToList(), r.PassedAt))).ToList();
        var named = evidence.SelectMany(e => new Named[]
            {
                new(SkillKind.Language, e.Row.Language, e.Evidence),
                new(SkillKind.Stack, EnumLabels.ToLabel(e.Row.Stack), e.Evidence),
            }.Concat(e.Evidence.Technologies.Select(t => new Named(SkillKind.Technology, t, e.Evidence))));
        return named.GroupBy(n => (n.Kind, n.Name)).Select(g =>
            {
                var items = g.Select(n => n.Evidence).OrderByDescending(e => e.PassedAt).ThenBy(e => e.SubmissionId).ToList();
                var perChallenge = items.GroupBy(e => e.ChallengeId).Select(c => c.First()).ToList();
                var byLevel = perChallenge.GroupBy(e => e.Level).OrderBy(l => l.Key).ToDictionary(l => l.Key, l => l.Count());
                return new VerifiedSkill(g.Key.Kind, g.Key.Name, perChallenge.Count, byLevel, byLevel.Keys.Max(),
                    items.Min(e => e.PassedAt), items.Max(e => e.PassedAt), items);
            })
            .OrderByDescending(s => s.ChallengesPassed).ThenByDescending(s => s.HighestLevel).ThenBy(s => s.Kind).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    sealed record Named(SkillKind Kind, string Name, SkillEvidence Evidence);
}
