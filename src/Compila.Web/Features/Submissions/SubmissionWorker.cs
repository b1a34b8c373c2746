using Compila.Web.Features.Submissions.Judging;
using Compila.Web.Features.Submissions.Queue;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Compila.Web.Features.Submissions;

/// <summary>The worker role: consumes the judging queue; with RabbitMQ, also re-publishes stale pending submissions.</summary>
internal sealed class SubmissionWorker(
    ISubmissionQueueConsumer consumer,
    ISubmissionQueue queue,
    SubmissionJudge judge,
    IServiceScopeFactory scopes,
    IOptions<QueueOptions> options,
    TimeProvider clock,
    ILogger<SubmissionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var sweep = options.Value.UsesRabbitMq ? SweepStalePendingAsync(stoppingToken) : Task.CompletedTask;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await consumer.ConsumeAsync(judge.JudgeAsync, judge.DeadLetterAsync, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Submission consumer stopped; restarting in 2 s.");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }

        await sweep;
    }

    /// <summary>A message lost between commit and publish (a crash in that instant) is published again.</summary>
    async Task SweepStalePendingAsync(CancellationToken ct)
    {
        var staleAfter = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(staleAfter / 2, ct);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
                var cutoff = clock.GetUtcNow() - staleAfter;
                var stale = await db.Set<Submission>().Where(s => s.Status == SubmissionStatus.Pending && s.SubmittedAt < cutoff)
                    .OrderBy(s => s.SubmittedAt).Select(s => s.Id).Take(100).ToListAsync(ct);
                foreach (var id in stale)
                {
                    await queue.PublishAsync(id, ct);
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Stale submission sweep failed.");
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
