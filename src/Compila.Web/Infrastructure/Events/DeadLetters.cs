using Compila.Web.Infrastructure.Data;
using Compila.Web.Infrastructure.Paging;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Infrastructure.Events;

/// <summary>A delivery that failed every attempt.</summary>
public sealed record DeadLetter(Guid EventId, string EventType, string Handler, DateTimeOffset OccurredAt, int Attempts, string? LastError, DateTimeOffset DeadAt);

/// <summary>The dead-letter view: what did not get handled, and a way to try again once the cause is fixed.</summary>
public sealed class DeadLetters(CompilaDb db)
{
    public async Task<Page<DeadLetter>> ListAsync(int page, int size, CancellationToken ct)
    {
        var dead = from d in db.Set<EventDelivery>().AsNoTracking()
                   where d.DeadAt != null
                   join e in db.Set<OutboxEvent>().AsNoTracking() on d.EventId equals e.Id
                   select new { d, e };
        var total = await dead.CountAsync(ct);
        var rows = await dead.OrderByDescending(x => x.d.DeadAt).ThenBy(x => x.d.EventId)
            .TakePage(page, size)
            .Select(x => new DeadLetter(x.e.Id, x.e.Type, x.d.Handler, x.e.OccurredAt, x.d.Attempts, x.d.LastError, x.d.DeadAt!.Value))
            .ToListAsync(ct);
        return new Page<DeadLetter>(rows, page, size, total);
    }

    /// <summary>
    /// Gives a dead delivery a fresh set of attempts; false when there is no such dead delivery. What the caller staged
    /// on the same <c>CompilaDb</c> (an audit entry) commits with the retry, and is discarded without one.
    /// </summary>
    public async Task<bool> RetryAsync(Guid eventId, string handler, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var revived = await db.Set<EventDelivery>()
            .Where(d => d.EventId == eventId && d.Handler == handler && d.DeadAt != null && d.HandledAt == null)
            .ExecuteUpdateAsync(d => d
                .SetProperty(x => x.DeadAt, (DateTimeOffset?)null)
                .SetProperty(x => x.NextAttemptAt, (DateTimeOffset?)null)
                .SetProperty(x => x.Attempts, 0), ct);
        if (revived == 0)
        {
            return false;
        }

        // Dispatched again: the database dispatcher delivers it to the revived handler, the relay republishes it
        // (handlers that handled it skip it).
        await db.Set<OutboxEvent>().Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.DispatchedAt, (DateTimeOffset?)null).SetProperty(x => x.LockedUntil, (DateTimeOffset?)null), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
