using System.Text.Json;
using Compila.Judge;
using Compila.Web.Features.Challenges.Contracts;
using Compila.Web.Features.CodeExecution;
using Compila.Web.Features.Submissions.Queue;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Errors;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Submissions;

public abstract record SubmitOutcome
{
    public sealed record Accepted(SubmitAccepted Response) : SubmitOutcome;
    public sealed record Invalid(ValidationErrors Errors) : SubmitOutcome;
    public sealed record ChallengeNotFound : SubmitOutcome;
}

/// <summary>
/// Stores a submission and queues it for judging. The row (and, for the database queue, its job) is
/// committed before anything else happens, so a crash after this point loses nothing.
/// </summary>
public sealed class SubmissionService(CompilaDb db, IChallengeCatalog catalog, ISubmissionQueue queue, IJudge judge, SubmissionMetrics metrics, TimeProvider clock)
{

    public async Task<SubmitOutcome> SubmitAsync(Guid userId, Guid challengeId, SubmitRequest request, CancellationToken ct)
    {
        var challenge = await catalog.Published()
            .Where(c => c.Id == challengeId)
            .Select(c => new { c.Id, c.Languages })
            .SingleOrDefaultAsync(ct);
        if (challenge is null)
        {
            return new SubmitOutcome.ChallengeNotFound();
        }

        var errors = new ValidationErrors();
        var available = judge.Languages.Where(l => l.Available).Select(l => l.Id).ToHashSet();
        if (string.IsNullOrWhiteSpace(request.Language) || !challenge.Languages.Contains(request.Language))
        {
            errors.Add("language", $"Este desafio aceita: {string.Join(", ", challenge.Languages)}.");
        }
        else if (!available.Contains(request.Language))
        {
            errors.Add("language", "Esta linguagem está indisponível neste servidor no momento.");
        }

        var files = SourceFilesValidator.Validate(request.Code, request.Files, "solution", errors);
        if (!errors.IsValid)
        {
            return new SubmitOutcome.Invalid(errors);
        }

        using var activity = SubmissionTracing.Source.StartActivity("submit");
        for (var attempt = 0; ; attempt++)
        {
            // Under the learner's lock, concurrent submits take attempt numbers one after the other instead of
            // colliding on the unique index (each collision was an EF error log with a stack trace).
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.LockUserAsync(userId, ct);
            var next = (await db.Set<Submission>()
                .Where(s => s.UserId == userId && s.ChallengeId == challengeId)
                .MaxAsync(s => (int?)s.AttemptNumber, ct) ?? 0) + 1;
            var submission = new Submission
            {
                UserId = userId,
                ChallengeId = challengeId,
                Language = request.Language!,
                Code = files[0].Content,
                Files = files.Count > 1 ? JsonSerializer.Serialize(files.Select(f => new Challenges.CodeFile(f.Path, f.Content)), JsonSerializerOptions.Web) : null,
                AttemptNumber = next,
                SubmittedAt = clock.GetUtcNow(),
                TraceParent = SubmissionTracing.CurrentTraceParent(),
            };
            activity?.SetTag(SubmissionTracing.SubmissionIdTag, submission.Id);
            db.Set<Submission>().Add(submission);
            queue.Stage(db, submission.Id);
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 20)
            {
                // A concurrent submit by the same learner took this attempt number; take the next one.
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                continue;
            }

            await queue.PublishAsync(submission.Id, ct);
            metrics.Received(submission.Language);
            return new SubmitOutcome.Accepted(new SubmitAccepted(submission.Id, "pending", submission.AttemptNumber));
        }
    }
}
