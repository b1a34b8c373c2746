using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Jobs.Assessments;

/// <summary>Records a pass for each of the learner's claimed assessments that asks for this challenge, inside its window.</summary>
internal sealed class AssessmentRecorder(CompilaDb db) : IEventHandler<ChallengePassed>
{
    public async Task HandleAsync(ChallengePassed published, EventMetadata metadata, CancellationToken ct)
    {
        var at = published.PassedAt;
        var open = await db.Set<Assessment>().AsNoTracking()
            .Where(a => a.CandidateId == published.UserId && a.OpensAt <= at && a.ClosesAt >= at && a.ClaimedAt <= at
                && a.ChallengeIds.Contains(published.ChallengeId))
            .Select(a => a.Id).ToListAsync(ct);
        foreach (var assessmentId in open)
        {
            // The first pass in the window is the result; later passes of the same challenge change nothing.
            if (!await db.Set<AssessmentPass>().AnyAsync(p => p.AssessmentId == assessmentId && p.ChallengeId == published.ChallengeId, ct))
            {
                db.Add(new AssessmentPass
                {
                    AssessmentId = assessmentId, ChallengeId = published.ChallengeId, SubmissionId = published.SubmissionId,
                    Language = published.Language, PassedAt = at,
                });
            }
        }
    }
}
