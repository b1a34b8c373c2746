using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Infrastructure.Events;

/// <summary>
/// Before the relay hands events to the broker, it writes one pending (event id, handler) record for each handler
/// subscribed to them. From then on the database knows what must still happen, whatever the broker does with the
/// message, and <see cref="OrphanedDeliveries"/> can republish what was never acknowledged.
/// </summary>
internal static class ExpectedDeliveries
{
    public static async Task RecordAsync(CompilaDb db, IReadOnlyList<OutboxEvent> events, ILookup<string, EventHandlerRegistration> handlers, CancellationToken ct)
    {
        var ids = events.Select(e => e.Id).ToList();
        var known = (await db.Set<EventDelivery>().AsNoTracking()
                .Where(d => ids.Contains(d.EventId))
                .Select(d => new { d.EventId, d.Handler })
                .ToListAsync(ct))
            .Select(d => (d.EventId, d.Handler))
            .ToHashSet();
        var missing = events
            .SelectMany(e => handlers[e.Type].Select(h => (e.Id, h.Name)))
            .Where(pair => !known.Contains(pair))
            .Select(pair => new EventDelivery { EventId = pair.Id, Handler = pair.Name })
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.Set<EventDelivery>().AddRange(missing);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A consumer recorded one of them first (a republished event): its record stands. The others are written
            // one by one so that a single conflict does not leave the rest of the batch unrecorded.
            db.ChangeTracker.Clear();
            foreach (var delivery in missing)
            {
                db.Set<EventDelivery>().Add(delivery);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                }

                db.ChangeTracker.Clear();
            }
        }
    }
}
