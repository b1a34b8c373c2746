using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Infrastructure.Events;

/// <summary>Claims undispatched events with a lease, so instances share the outbox without handing an event out twice at once.</summary>
internal static class OutboxClaims
{
    public static async Task<List<OutboxEvent>> ClaimAsync(CompilaDb db, DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct)
    {
        var candidates = await db.Set<OutboxEvent>().AsNoTracking()
            .Where(e => e.DispatchedAt == null && (e.LockedUntil == null || e.LockedUntil < now))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Take(limit)
            .ToListAsync(ct);
        var claimed = new List<OutboxEvent>(candidates.Count);
        // Whole milliseconds, as stored: the claim is later recognised by this exact value.
        var until = DateTimeOffset.FromUnixTimeMilliseconds((now + lease).ToUnixTimeMilliseconds());
        foreach (var candidate in candidates)
        {
            var won = await db.Set<OutboxEvent>()
                .Where(e => e.Id == candidate.Id && e.DispatchedAt == null && (e.LockedUntil == null || e.LockedUntil < now))
                .ExecuteUpdateAsync(e => e.SetProperty(x => x.LockedUntil, until), ct);
            if (won == 1)
            {
                candidate.LockedUntil = until;
                claimed.Add(candidate);
            }
        }

        return claimed;
    }

    /// <summary>
    /// Marks a claimed event dispatched, unless its claim changed meanwhile: a consumer that already put it back for
    /// a retry (<see cref="RequeueAsync"/>) wins over the relay that is only now recording the publish.
    /// </summary>
    public static Task MarkDispatchedAsync(CompilaDb db, OutboxEvent claimed, DateTimeOffset now, CancellationToken ct) =>
        db.Set<OutboxEvent>().Where(e => e.Id == claimed.Id && e.DispatchedAt == null && e.LockedUntil == claimed.LockedUntil)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.DispatchedAt, now).SetProperty(x => x.LockedUntil, (DateTimeOffset?)null), ct);

    /// <summary>Keeps the claim until the earliest retry, so the event is looked at again then and not before.</summary>
    public static Task ReleaseUntilAsync(CompilaDb db, Guid eventId, DateTimeOffset retryAt, CancellationToken ct) =>
        db.Set<OutboxEvent>().Where(e => e.Id == eventId && e.DispatchedAt == null)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.LockedUntil, retryAt), ct);

    /// <summary>Puts a relayed event back into the outbox, to be relayed again once <paramref name="retryAt"/> has passed.</summary>
    public static Task RequeueAsync(CompilaDb db, Guid eventId, DateTimeOffset retryAt, CancellationToken ct) =>
        db.Set<OutboxEvent>().Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.DispatchedAt, (DateTimeOffset?)null).SetProperty(x => x.LockedUntil, retryAt), ct);
}
