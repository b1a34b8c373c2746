using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Commands;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Portfolio.Skills;

/// <summary>
/// Rebuilds verified skills from every passed submission (read through <see cref="IPassedSubmissions"/>), in one
/// transaction: readers see the old model or the new one, never a half. The same rule as the live handler
/// (earliest pass per learner, challenge and language), so a rebuild equals what the events built.
/// </summary>
internal sealed class SkillsRebuild(CompilaDb db, IPassedSubmissions history)
{
    const int PageSize = 1000;

    public async Task<(int Evidence, int Learners)> RebuildAsync(CancellationToken ct)
    {
        var earliest = new Dictionary<(Guid, Guid, string), PassFact>();
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await history.PageAsync(skip, PageSize, ct);
            foreach (var p in page)
            {
                var fact = new PassFact(p.SubmissionId, p.UserId, p.ChallengeId, p.ChallengeSlug, p.Language, p.Stack, p.Level, p.Technologies, p.PassedAt);
                var key = (p.UserId, p.ChallengeId, PassFact.Normalize(p.Language));
                if (!earliest.TryGetValue(key, out var kept) || fact.IsEarlierThan(kept.ToRow()))
                {
                    earliest[key] = fact;
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<VerifiedTechnology>().ExecuteDeleteAsync(ct);
        await db.Set<VerifiedChallenge>().ExecuteDeleteAsync(ct);
        db.Set<VerifiedChallenge>().AddRange(earliest.Values.Select(f => f.ToRow()));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (earliest.Count, earliest.Keys.Select(k => k.Item1).Distinct().Count());
    }
}

/// <summary><c>portfolio rebuild-skills</c>.</summary>
internal sealed class RebuildSkillsCommand : IOperatorCommand
{
    public IReadOnlyList<string> Words { get; } = ["portfolio", "rebuild-skills"];

    public string Description => "rebuild verified skills from every passed submission";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var (evidence, learners) = await scope.ServiceProvider.GetRequiredService<SkillsRebuild>().RebuildAsync(ct);
        Console.WriteLine($"Verified skills rebuilt: {evidence} passed (challenge, language) pairs for {learners} learners.");
        return 0;
    }
}
