using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Compila.Web.Infrastructure.Events;

/// <summary>
/// The RabbitMQ transport's safety net. A message can vanish between the broker and a handler: dropped after the
/// queue's delivery limit, routed nowhere, or held by a consumer that stopped acknowledging. The database still has
/// the pending (event id, handler) record the relay wrote; an event whose record has stayed pending for
/// <see cref="EventsOptions.RepublishAfterSeconds"/> since it was published (or since its retry was due) goes back
/// through the outbox. Handlers that already handled it skip it, so a slow delivery republished early costs a lookup.
/// </summary>
internal sealed class OrphanedDeliveries(
    IServiceScopeFactory scopes,
    IEnumerable<EventHandlerRegistration> registrations,
    IOptions<EventsOptions> options,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<OrphanedDeliveries> logger) : BackgroundService
{
    const int BatchSize = 200;
    readonly List<string> handlers = registrations.Select(r => r.Name).Distinct().ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var after = TimeSpan.FromSeconds(options.Value.RepublishAfterSeconds);
        var every = after / 4;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, clock, stoppingToken);
                var republished = await RepublishAsync(after, stoppingToken);
                if (republished > 0)
                {
                    logger.LogWarning("Republished {Count} events whose deliveries were not acknowledged within {Seconds} s.", republished, after.TotalSeconds);
                    signal.Pulse();
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Looking for unacknowledged event deliveries failed; trying again shortly.");
            }
        }
    }

    public async Task<int> RepublishAsync(TimeSpan after, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var now = clock.GetUtcNow();
        var cutoff = now - after;
        var orphaned = await (
                from d in db.Set<EventDelivery>()
                where d.HandledAt == null && d.DeadAt == null && handlers.Contains(d.Handler)
                    && (d.NextAttemptAt == null || d.NextAttemptAt < cutoff)
                join e in db.Set<OutboxEvent>() on d.EventId equals e.Id
                where e.DispatchedAt != null && e.DispatchedAt < cutoff
                select e.Id)
            .Distinct()
            .Take(BatchSize)
            .ToListAsync(ct);
        foreach (var id in orphaned)
        {
            await OutboxClaims.RequeueAsync(db, id, now, ct);
        }

        return orphaned.Count;
    }
}
