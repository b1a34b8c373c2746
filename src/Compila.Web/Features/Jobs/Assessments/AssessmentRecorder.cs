using Compila.Web.Features.Portfolio.Contracts;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Jobs.Assessments;

/// <summary>Records a pass for each of the learner's claimed assessments that asks for this challenge, inside its window.</summary>
internal sealed class AssessmentRecorder(CompilaDb db, IVerificationSigner signer) : IEventHandler<ChallengePassed>
{
    public async Task HandleAsync(ChallengePassed published, EventMetadata metadata, CancellationToken ct)
    {
        var at = published.PassedAt;
        var open = await db.Set<Assessment>().AsNoTracking()
            .Where(a => a.CandidateId == published.UserId && a.OpensAt <= at && a.ClosesAt >= at && a.ClaimedAt <= at
                && a.ChallengeIds.Contains(published.ChallengeId))
            .Select(a => new { a.Id, a.CompanyId }).ToListAsync(ct);
        foreach (var assessment in open)
        {
            // The first pass in the window is the result; later passes of the same challenge change nothing.
            if (await db.Set<AssessmentPass>().AnyAsync(p => p.AssessmentId == assessment.Id && p.ChallengeId == published.ChallengeId, ct))
            {
                continue;
            }

            var signed = signer.Sign(new Dictionary<string, object>
            {
                ["type"] = "compila.dev/assessment-result",
                ["v"] = 1,
                ["assessmentId"] = assessment.Id,
                ["companyId"] = assessment.CompanyId,
                ["userId"] = published.UserId,
                ["submissionId"] = published.SubmissionId,
                ["challengeId"] = published.ChallengeId,
                ["challengeSlug"] = published.ChallengeSlug,
                ["language"] = published.Language,
                ["verdict"] = "passed",
                ["passedAt"] = at,
            });
            db.Add(new AssessmentPass
            {
                AssessmentId = assessment.Id, ChallengeId = published.ChallengeId, SubmissionId = published.SubmissionId,
                Language = published.Language, PassedAt = at, Payload = signed.Payload, Signature = signed.Signature, KeyId = signed.KeyId,
            });
        }
    }
}
