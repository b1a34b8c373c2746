using System.Diagnostics;
using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Compila.Web.Infrastructure.Events;

public enum DeliveryOutcome
{
    /// <summary>Handled now, or found handled before (a redelivery).</summary>
    Handled,
    /// <summary>Failed; try again at the delivery's <c>next_attempt_at</c>.</summary>
    RetryLater,
    /// <summary>Failed <see cref="EventsOptions.MaxAttempts"/> times; waits in the dead-letter view.</summary>
    Dead,
}

/// <summary>
/// Hands one event to one handler, exactly once as far as the database can see: the handler's writes and the
/// (event id, handler) record commit in one transaction, and the record is written conditionally on the state
/// read before the handler ran, so of two instances delivering the same event at once only one commits.
/// Shared by both transports.
/// </summary>
public sealed class EventDeliverer(IServiceScopeFactory scopes, IOptions<EventsOptions> options, TimeProvider clock, ILogger<EventDeliverer> logger)
{
    static readonly ActivitySource Source = new("Compila.Events");

    public async Task<(DeliveryOutcome Outcome, DateTimeOffset? RetryAt)> DeliverAsync(OutboxEvent published, EventHandlerRegistration handler, CancellationToken ct)
    {
        EventDelivery? before;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
            before = await db.Set<EventDelivery>().AsNoTracking()
                .SingleOrDefaultAsync(d => d.EventId == published.Id && d.Handler == handler.Name, ct);
        }

        if (before?.HandledAt is not null)
        {
            return (DeliveryOutcome.Handled, null);
        }

        if (before?.DeadAt is not null)
        {
            return (DeliveryOutcome.Dead, null);
        }

        if (before?.NextAttemptAt is { } next && next > clock.GetUtcNow())
        {
            return (DeliveryOutcome.RetryLater, next);
        }

        using var activity = Source.StartActivity($"event {published.Type} → {handler.Name}", ActivityKind.Consumer,
            ActivityContext.TryParse(published.TraceParent, null, out var parent) ? parent : default);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await handler.InvokeAsync(scope.ServiceProvider, published.Payload, new EventMetadata(published.Id, published.Type, published.OccurredAt), ct);
            await db.SaveChangesAsync(ct);
            if (!await MarkHandledAsync(db, published.Id, handler.Name, before, ct))
            {
                // Another instance handled it meanwhile; its effects stand and ours roll back with the transaction.
                return (DeliveryOutcome.Handled, null);
            }

            await transaction.CommitAsync(ct);
            return (DeliveryOutcome.Handled, null);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            return await RecordFailureAsync(published, handler, before, ex, ct);
        }
    }

    async Task<bool> MarkHandledAsync(CompilaDb db, Guid eventId, string handler, EventDelivery? before, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (before is null)
        {
            // The primary key makes a concurrent first delivery fail here (PostgreSQL waits for the other to commit).
            db.Set<EventDelivery>().Add(new EventDelivery { EventId = eventId, Handler = handler, Attempts = 1, HandledAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        }

        var attempts = before.Attempts;
        return await db.Set<EventDelivery>()
            .Where(d => d.EventId == eventId && d.Handler == handler && d.HandledAt == null && d.Attempts == attempts)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.HandledAt, now).SetProperty(x => x.Attempts, attempts + 1).SetProperty(x => x.NextAttemptAt, (DateTimeOffset?)null), ct) == 1;
    }

    async Task<(DeliveryOutcome, DateTimeOffset?)> RecordFailureAsync(OutboxEvent published, EventHandlerRegistration handler, EventDelivery? before, Exception error, CancellationToken ct)
    {
        var settings = options.Value;
        var attempts = (before?.Attempts ?? 0) + 1;
        var now = clock.GetUtcNow();
        var dead = attempts >= settings.MaxAttempts;
        DateTimeOffset? retryAt = dead ? null : now + EventsOptions.Backoff(attempts);
        // The type and message only: a stack trace belongs in the log, not in a table an admin page shows.
        var message = Truncate($"{error.GetType().Name}: {error.Message}", 2000);
        logger.LogWarning(error, "Handler {Handler} failed on event {EventId} ({EventType}), attempt {Attempt}{Dead}.",
            handler.Name, published.Id, published.Type, attempts, dead ? "; dead-lettered" : "");

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        if (before is null)
        {
            db.Set<EventDelivery>().Add(new EventDelivery
            {
                EventId = published.Id, Handler = handler.Name, Attempts = attempts, LastError = message,
                NextAttemptAt = retryAt, DeadAt = dead ? now : null,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A concurrent delivery recorded first; the next look at this event reads its record.
                return (DeliveryOutcome.RetryLater, now);
            }
        }
        else
        {
            await db.Set<EventDelivery>()
                .Where(d => d.EventId == published.Id && d.Handler == handler.Name && d.HandledAt == null && d.Attempts == before.Attempts)
                .ExecuteUpdateAsync(d => d
                    .SetProperty(x => x.Attempts, attempts)
                    .SetProperty(x => x.LastError, message)
                    .SetProperty(x => x.NextAttemptAt, retryAt)
                    .SetProperty(x => x.DeadAt, dead ? now : null), ct);
        }

        return dead ? (DeliveryOutcome.Dead, null) : (DeliveryOutcome.RetryLater, retryAt);
    }

    static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
