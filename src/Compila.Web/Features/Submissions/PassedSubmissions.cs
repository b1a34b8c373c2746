using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Submissions;

internal sealed class PassedSubmissions(CompilaDb db, IChallengeCatalog catalog) : IPassedSubmissions
{
    public async Task<IReadOnlyList<PassedSubmission>> PageAsync(int skip, int take, CancellationToken ct)
    {
        var rows = await db.Set<Submission>().AsNoTracking()
            .Where(s => s.Status == SubmissionStatus.Passed && s.JudgedAt != null)
            .Join(catalog.All(), s => s.ChallengeId, c => c.Id, (s, c) => new
            {
                s.Id, s.UserId, s.ChallengeId, c.Slug, s.Language, c.Stack, c.Level, c.Technologies, JudgedAt = s.JudgedAt!.Value,
            })
            .OrderBy(r => r.JudgedAt).ThenBy(r => r.Id)
            .Skip(skip).Take(take)
            .ToListAsync(ct);
        return rows.Select(r => new PassedSubmission(r.Id, r.UserId, r.ChallengeId, r.Slug, r.Language, r.Stack, r.Level, r.Technologies, r.JudgedAt)).ToList();
    }
}
