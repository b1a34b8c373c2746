using Compila.ChallengeSuites.Content;
using Compila.Web.Features.Challenges;
using System.Diagnostics;
using System.Text.Json;
using Compila.Judge;
using Compila.ChallengeSuites.Running;
using Compila.Web.Features.Challenges.Content;
using Compila.Web.Features.CodeExecution.Fairness;
using Compila.Web.Features.Submissions.Contracts;
using Compila.Web.Features.Submissions.Events;
using Compila.Web.Features.Submissions.Queue;
using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Submissions.Judging;

/// <summary>
/// Judges one submission: runs the challenge's tests in the sandbox (compile once, run all cases), streams
/// progress, hands the result to the feedback pipeline and records the outcome exactly once, however
/// often the queue delivers it.
/// </summary>
public sealed class SubmissionJudge(
    IServiceScopeFactory scopes,
    IJudge judge,
    SandboxGate sandbox,
    ChallengeContent content,
    SubmissionEventStream events,
    IFeedbackPipeline feedback,
    SubmissionMetrics metrics,
    TimeProvider clock,
    ILogger<SubmissionJudge> logger)
{
    public async Task JudgeAsync(Guid submissionId, int attempt, CancellationToken ct)
    {
        Submission? submission;
        Challenge? challenge;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
            submission = await db.Set<Submission>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId, ct);
            challenge = submission is null ? null : await db.Challenges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == submission.ChallengeId, ct);
        }

        if (submission is null || challenge is null)
        {
            logger.LogWarning("Submission {SubmissionId} no longer exists; dropping its job.", submissionId);
            return;
        }

        if (submission.Status != SubmissionStatus.Pending)
        {
            await EnsureCompleteEventAsync(submissionId, ct);
            return;
        }

        using var activity = SubmissionTracing.StartJudging(submissionId, submission.TraceParent, attempt);
        Task Emit(SolveEvent message, CancellationToken token) => events.AppendAsync(submissionId, message, token);

        var source = content.Find(challenge.Slug);
        if (source is null || !source.Languages.ContainsKey(submission.Language))
        {
            var unavailable = TestRunResult.From([], null, "Este desafio não está disponível nesta linguagem no momento.", compiled: false);
            await RecordAsync(submission, challenge, unavailable, null, 0, ct);
            await EnsureCompleteEventAsync(submissionId, ct);
            return;
        }

        // The turn is taken before any event, so a deferred job leaves no trace for its followers to see twice.
        TestRunResult result;
        int elapsedMs;
        await using (var turn = await EnterSandboxAsync(submission.UserId, ct))
        {
            await Emit(new LoopStartMessage("analysis", "Analisando seu código..."), ct);
            await Emit(new AgentStartMessage("check", "Executando os testes no sandbox..."), ct);

            var watch = Stopwatch.StartNew();
            using (var sandbox = SubmissionTracing.Source.StartActivity("sandbox"))
            {
                sandbox?.SetTag("language", submission.Language);
                result = await new ChallengeTestRunner(judge).RunAsync(source, submission.Language, Files(submission), ct);
            }

            elapsedMs = (int)watch.ElapsedMilliseconds;
            metrics.JudgeRan(submission.Language, watch.Elapsed);
        }

        var learnerView = result.Redacted();
        await events.AppendAsync(submissionId, [.. learnerView.Tests.Select(
            (test, i) => new CheckResultMessage("check", test, new CheckProgress(i + 1, learnerView.Tests.Count)))], ct);

        FeedbackOutcome? outcome = null;
        try
        {
            outcome = await feedback.RunAsync(new FeedbackContext(submission, challenge, source, result), Emit, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Feedback enriches a result; it never blocks one.
            logger.LogError(ex, "Feedback pipeline failed for submission {SubmissionId}.", submissionId);
        }

        await RecordAsync(submission, challenge, result, outcome, elapsedMs, ct);
        await EnsureCompleteEventAsync(submissionId, ct);
    }

    async Task<SandboxTurn> EnterSandboxAsync(Guid userId, CancellationToken ct)
    {
        try
        {
            return await sandbox.EnterAsync(userId, SandboxCaller.QueuedJob, ct);
        }
        catch (SandboxRefusedException refused)
        {
            // Over budget: wait out the learner's window. Otherwise a slot frees within seconds; look again soon.
            var overBudget = refused.Reason == SandboxRefusalReason.UserBudget;
            throw new JudgeDeferredException(overBudget ? refused.RetryAfter : TimeSpan.FromSeconds(1), overBudget);
        }
    }

    /// <summary>Marks a submission that could not be judged after every retry, so the learner sees an honest error.</summary>
    public async Task DeadLetterAsync(Guid submissionId, string reason, CancellationToken ct)
    {
        logger.LogError("Submission {SubmissionId} dead-lettered: {Reason}", submissionId, reason);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
            var now = clock.GetUtcNow();
            var language = await db.Set<Submission>().Where(s => s.Id == submissionId).Select(s => s.Language).SingleOrDefaultAsync(ct);
            var changed = await db.Set<Submission>()
                .Where(s => s.Id == submissionId && s.Status == SubmissionStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, SubmissionStatus.Failed)
                    .SetProperty(x => x.Score, 0)
                    .SetProperty(x => x.JudgedAt, now)
                    .SetProperty(x => x.Error, "Não conseguimos avaliar esta submissão depois de várias tentativas. Nada foi cobrado do seu limite; envie de novo em instantes."), ct);
            if (changed == 1)
            {
                metrics.Judged(SubmissionStatus.Failed, language ?? "unknown", TimeSpan.Zero);
            }
        }

        await EnsureCompleteEventAsync(submissionId, ct);
    }

    async Task RecordAsync(Submission submission, Challenge challenge, TestRunResult result, FeedbackOutcome? outcome, int elapsedMs, CancellationToken ct)
    {
        var status = result.Status == SuiteStatus.Pass ? SubmissionStatus.Passed
            : result.Score > 0 ? SubmissionStatus.Partial
            : SubmissionStatus.Failed;
        DateTimeOffset now;
        bool recorded;
        using var span = SubmissionTracing.Source.StartActivity("record");
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.LockUserAsync(submission.UserId, ct);
            // Read under the learner's lock, so judged_at orders a learner's results as XP counted them ("the first
            // partial result earns its share" means the first judged_at).
            now = clock.GetUtcNow();
            var row = await db.Set<Submission>().SingleAsync(s => s.Id == submission.Id, ct);
            recorded = row.Status == SubmissionStatus.Pending;
            if (recorded)
            {
                row.Status = status;
                row.Score = result.Score;
                row.TestResults = JsonSerializer.Serialize(result, JsonSerializerOptions.Web);
                row.ExecutionTimeMs = elapsedMs;
                row.JudgedAt = now;
                if (outcome is not null)
                {
                    row.AiFeedback = JsonSerializer.Serialize(outcome.Feedback, JsonSerializerOptions.Web);
                    row.AiTokensUsed = outcome.TokensUsed;
                }

                row.XpGained += await scope.ServiceProvider.GetRequiredService<ISubmissionRewards>().RewardAsync(Judged(row, challenge), ct);
                await PublishAsync(db, scope.ServiceProvider.GetRequiredService<IEventPublisher>(), row, challenge, ct);

                // The result and its `complete` event commit together: a crash cannot leave a judged submission
                // whose followers wait for a `complete` that only a redelivery would write.
                await events.StageAsync(db, row.Id, CompleteMessage(row), ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
        }

        if (recorded)
        {
            metrics.Judged(status, submission.Language, now - submission.SubmittedAt);
            await events.NotifyAsync(submission.Id);
        }
    }

    static JudgedSubmission Judged(Submission row, Challenge challenge) => new(
        row.Id, row.UserId, row.ChallengeId, row.Language, row.Status == SubmissionStatus.Passed, row.Score ?? 0,
        row.AttemptNumber, row.SubmittedAt, challenge.XpReward, challenge.Stack);

    /// <summary>The result's published facts, stored with it: whatever reacts after the commit (statistics, the
    /// leaderboard, portfolios, feeds) subscribes to these rather than to this class.</summary>
    static async Task PublishAsync(CompilaDb db, IEventPublisher events, Submission row, Challenge challenge, CancellationToken ct)
    {
        var judgedAt = row.JudgedAt!.Value;
        events.Publish(new SubmissionJudged(row.Id, row.UserId, row.ChallengeId, row.Language, EnumLabels.ToLabel(row.Status),
            row.Score ?? 0, row.AttemptNumber, row.XpGained, row.SubmittedAt, judgedAt));
        if (row.Status != SubmissionStatus.Passed)
        {
            return;
        }

        var passedBefore = await db.Set<Submission>().AnyAsync(s => s.UserId == row.UserId && s.ChallengeId == row.ChallengeId
            && s.Id != row.Id && s.Status == SubmissionStatus.Passed, ct);
        events.Publish(new ChallengePassed(row.Id, row.UserId, row.ChallengeId, challenge.Slug, row.Language,
            EnumLabels.ToLabel(challenge.Stack), EnumLabels.ToLabel(challenge.Level), [.. challenge.Technologies], !passedBefore, judgedAt));
    }

    async Task EnsureCompleteEventAsync(Guid submissionId, CancellationToken ct)
    {
        if (await events.HasCompleteAsync(submissionId, ct))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var submission = await db.Set<Submission>().AsNoTracking().SingleAsync(s => s.Id == submissionId, ct);
        await events.AppendAsync(submissionId, CompleteMessage(submission), ct);
    }

    /// <summary>The spec's final message: the submission as its owner sees it, with the feedback.</summary>
    static CompleteMessage CompleteMessage(Submission submission)
    {
        var view = SubmissionView.From(submission, includeCode: false);
        return new CompleteMessage(view, view.AiFeedback, view.AiFeedback?.LearningPoints ?? [], view.AiFeedback?.NextChallenges ?? []);
    }

    static List<SourceFile> Files(Submission submission)
    {
        if (submission.Files is { } json && JsonSerializer.Deserialize<List<Challenges.CodeFile>>(json, JsonSerializerOptions.Web) is { Count: > 0 } files)
        {
            return files.Select(f => new SourceFile(f.Path, f.Content)).ToList();
        }

        return [new SourceFile(ChallengeSuites.Harness.TestLanguages.Get(submission.Language).ContentFileName, submission.Code)];
    }
}
