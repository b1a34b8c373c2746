using System.Collections.Concurrent;
using Compila.Web.Features.CodeExecution.Fairness;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Compila.Web.Features.Submissions.Queue;

/// <summary>
/// The embedded durable queue: a job row is written in the submission's own transaction; consumers claim
/// rows with a lease (a conditional update, so two consumers never hold one job); an expired lease means
/// the holder died and the job is claimed again. Claims are fair by learner: a learner holding their sandbox cap
/// in leases (on any instance) is skipped, and among the others the one this instance served least recently goes
/// first, so one learner's backlog never occupies every consumer.
/// </summary>
internal sealed class DatabaseSubmissionQueue(
    IServiceScopeFactory scopes,
    IOptions<QueueOptions> options,
    IOptions<SandboxFairnessOptions> fairness,
    TimeProvider clock,
    ILogger<DatabaseSubmissionQueue> logger)
    : ISubmissionQueue, ISubmissionQueueConsumer
{
    readonly QueueOptions settings = options.Value;
    readonly int maxRunningPerLearner = fairness.Value.MaxRunningPerUser;
    readonly ConcurrentDictionary<Guid, long> lastServed = new();
    long served;
    readonly string consumerId = $"{Environment.ProcessId}:{Guid.NewGuid():N}:{Environment.MachineName}" is var id && id.Length > 100 ? id[..100] : id;

    public void Stage(CompilaDb db, Guid submissionId)
    {
        var now = clock.GetUtcNow();
        db.Set<JudgeJob>().Add(new JudgeJob { SubmissionId = submissionId, AvailableAt = now, CreatedAt = now });
    }

    public Task PublishAsync(Guid submissionId, CancellationToken ct) => Task.CompletedTask;

    public Task ConsumeAsync(JudgeDelivery handle, DeadLetter deadLetter, CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, settings.ConsumerCount).Select(_ => ConsumeLoopAsync(handle, deadLetter, ct)));

    async Task ConsumeLoopAsync(JudgeDelivery handle, DeadLetter deadLetter, CancellationToken ct)
    {
        await Task.Yield();
        while (!ct.IsCancellationRequested)
        {
            JudgeJob? job;
            try
            {
                job = await ClaimAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not claim a judge job; retrying.");
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                continue;
            }

            if (job is null)
            {
                await Task.Delay(settings.PollMilliseconds, ct);
                continue;
            }

            if (job.Attempts > settings.MaxAttempts)
            {
                await deadLetter(job.SubmissionId, job.LastError ?? "too many attempts", ct);
                await FinishAsync(job.Id, JudgeJobState.Dead, job.LastError, ct);
                continue;
            }

            try
            {
                await handle(job.SubmissionId, job.Attempts, ct);
                await FinishAsync(job.Id, JudgeJobState.Done, null, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Shutting down: the lease lapses and another consumer takes the job.
                throw;
            }
            catch (JudgeDeferredException deferred)
            {
                logger.LogDebug("Judging submission {SubmissionId} deferred for {Delay}.", job.SubmissionId, deferred.RetryAfter);
                await DeferAsync(job, deferred, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Judging submission {SubmissionId} failed (attempt {Attempt}); it will be retried.", job.SubmissionId, job.Attempts);
                await ReleaseAsync(job.Id, ex.Message, job.Attempts, CancellationToken.None);
            }
        }
    }

    async Task<JudgeJob?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var now = clock.GetUtcNow();
        var jobs = db.Set<JudgeJob>().AsNoTracking();
        var submissions = db.Set<Submission>();
        var available = jobs.Where(j => (j.State == JudgeJobState.Queued && j.AvailableAt <= now) || (j.State == JudgeJobState.Leased && j.LeaseUntil < now));
        var running = await jobs.Where(j => j.State == JudgeJobState.Leased && j.LeaseUntil >= now)
            .Join(submissions, j => j.SubmissionId, s => s.Id, (j, s) => s.UserId)
            .GroupBy(userId => userId)
            .Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(r => r.UserId, r => r.Count, ct);
        var atCap = running.Where(r => r.Value >= maxRunningPerLearner).Select(r => r.Key).ToList();
        var waitingLearners = await available
            .Join(submissions, j => j.SubmissionId, s => s.Id, (j, s) => s.UserId)
            .Where(userId => !atCap.Contains(userId))
            .Distinct()
            .ToListAsync(ct);
        var turnOrder = waitingLearners
            .OrderBy(userId => lastServed.GetValueOrDefault(userId))
            .ThenBy(userId => running.GetValueOrDefault(userId))
            .Take(3);
        foreach (var learner in turnOrder)
        {
            var candidates = await available
                .Where(j => submissions.Any(s => s.Id == j.SubmissionId && s.UserId == learner))
                .OrderBy(j => j.AvailableAt)
                .Take(2)
                .ToListAsync(ct);
            foreach (var candidate in candidates)
            {
                var leaseUntil = now.AddSeconds(settings.LeaseSeconds);
                var claimed = await db.Set<JudgeJob>()
                    .Where(j => j.Id == candidate.Id && j.State == candidate.State && j.Attempts == candidate.Attempts)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(j => j.State, JudgeJobState.Leased)
                        .SetProperty(j => j.LeaseUntil, leaseUntil)
                        .SetProperty(j => j.LeasedBy, consumerId)
                        .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
                if (claimed == 1)
                {
                    MarkServed(learner);
                    candidate.Attempts++;
                    return candidate;
                }
            }
        }

        return null;
    }

    void MarkServed(Guid learner)
    {
        // Learners served long ago and learners never seen rank alike; dropping the table now and then bounds it.
        if (lastServed.Count > 10_000)
        {
            lastServed.Clear();
        }

        lastServed[learner] = Interlocked.Increment(ref served);
    }

    /// <summary>Back to the queue, the claim's attempt given back; over budget, the learner's other queued jobs wait too.</summary>
    async Task DeferAsync(JudgeJob job, JudgeDeferredException deferred, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var availableAt = clock.GetUtcNow() + deferred.RetryAfter;
        await db.Set<JudgeJob>().Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JudgeJobState.Queued)
            .SetProperty(j => j.AvailableAt, availableAt)
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(j => j.Attempts, j => j.Attempts - 1), ct);
        if (deferred.LearnerOverBudget)
        {
            var learner = db.Set<Submission>().Where(s => s.Id == job.SubmissionId).Select(s => s.UserId);
            await db.Set<JudgeJob>()
                .Where(j => j.State == JudgeJobState.Queued && j.AvailableAt < availableAt
                    && db.Set<Submission>().Any(s => s.Id == j.SubmissionId && learner.Contains(s.UserId)))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.AvailableAt, availableAt), ct);
        }
    }

    async Task FinishAsync(Guid jobId, JudgeJobState state, string? error, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        await db.Set<JudgeJob>().Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, state)
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(j => j.LastError, error), ct);
    }

    async Task ReleaseAsync(Guid jobId, string error, int attempts, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var backoff = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempts)));
        var availableAt = clock.GetUtcNow() + backoff;
        var message = error.Length > 1000 ? error[..1000] : error;
        await db.Set<JudgeJob>().Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JudgeJobState.Queued)
            .SetProperty(j => j.AvailableAt, availableAt)
            .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(j => j.LastError, message), ct);
    }
}
