using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Features.Submissions.Queue;

/// <summary>
/// Samples the judging backlog for <see cref="SubmissionMetrics"/>: submissions still pending and the oldest one's
/// age. Read from the submissions table, so it means the same with the database queue and with RabbitMQ (a
/// message in flight is a pending row either way), and every process reports the same shared figure.
/// </summary>
internal sealed class QueueDepthSampler(IServiceScopeFactory scopes, SubmissionMetrics metrics, TimeProvider clock, ILogger<QueueDepthSampler> logger)
    : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                metrics.QueueSampled(await SampleAsync(stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogDebug(ex, "Could not sample the judging queue.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    async Task<QueueSnapshot> SampleAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var pending = scope.ServiceProvider.GetRequiredService<CompilaDb>().Set<Submission>().AsNoTracking()
            .Where(s => s.Status == SubmissionStatus.Pending);
        var depth = await pending.LongCountAsync(ct);
        if (depth == 0)
        {
            return new QueueSnapshot(0, TimeSpan.Zero);
        }

        var oldest = await pending.OrderBy(s => s.SubmittedAt).Select(s => s.SubmittedAt).FirstAsync(ct);
        return new QueueSnapshot(depth, clock.GetUtcNow() - oldest);
    }
}
