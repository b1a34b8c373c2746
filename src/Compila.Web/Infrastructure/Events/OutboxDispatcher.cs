using Compila.Web.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Compila.Web.Infrastructure.Events;

/// <summary>
/// The database transport: delivers committed outbox events to this process's handlers. Woken by this instance's
/// commits, and polling for events written by others. An event counts as dispatched once each of its handlers has
/// handled it or given up on it; until then it is claimed again after its lease or its earliest retry.
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    EventDeliverer deliverer,
    IEnumerable<EventHandlerRegistration> registrations,
    OutboxSignal signal,
    IOptions<EventsOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    const int BatchSize = 50;
    readonly ILookup<string, EventHandlerRegistration> handlers = registrations.ToLookup(r => r.EventType);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var dispatched = 0;
            try
            {
                dispatched = await DispatchPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox dispatch failed; trying again shortly.");
            }

            if (dispatched < BatchSize)
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
        }
    }

    /// <summary>Delivers one batch of pending events; returns how many were claimed.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken ct)
    {
        List<OutboxEvent> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
            claimed = await OutboxClaims.ClaimAsync(db, clock.GetUtcNow(), TimeSpan.FromSeconds(options.Value.LeaseSeconds), BatchSize, ct);
        }

        foreach (var published in claimed)
        {
            await DispatchAsync(published, ct);
        }

        return claimed.Count;
    }

    async Task DispatchAsync(OutboxEvent published, CancellationToken ct)
    {
        DateTimeOffset? retryAt = null;
        foreach (var handler in handlers[published.Type])
        {
            var (outcome, at) = await deliverer.DeliverAsync(published, handler, ct);
            if (outcome == DeliveryOutcome.RetryLater && at is { } next)
            {
                retryAt = retryAt is { } earlier && earlier < next ? earlier : next;
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        if (retryAt is { } when)
        {
            await OutboxClaims.ReleaseUntilAsync(db, published.Id, when, ct);
        }
        else
        {
            await OutboxClaims.MarkDispatchedAsync(db, published, clock.GetUtcNow(), ct);
        }
    }
}
