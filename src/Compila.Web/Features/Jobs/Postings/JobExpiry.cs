using Compila.Web.Infrastructure.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Compila.Web.Infrastructure.Caching;

namespace Compila.Web.Features.Jobs.Postings;

/// <summary>
/// Closes active jobs whose expiry passed. Readers already treat them as closed (<see cref="Job.EffectiveStatus"/>);
/// this stores it, so the company's list, counts and indexes agree. Idempotent: any number of workers may run it.
/// </summary>
public sealed class JobExpiry(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobExpiry> logger) : BackgroundService
{
    static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    public async Task<int> CloseExpiredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var now = clock.GetUtcNow();
        var closed = await db.Set<Job>().Where(j => j.Status == JobStatus.Active && j.ExpiresAt != null && j.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Closed).SetProperty(j => j.UpdatedAt, now), ct);
        if (closed > 0)
        {
            logger.LogInformation("Closed {Count} expired jobs", closed);
            await scope.ServiceProvider.GetRequiredService<IOutputCacheStore>().EvictPublicReadsAsync(ct);
        }

        return closed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                await CloseExpiredAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Closing expired jobs failed; retrying in {Interval}", Every);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
