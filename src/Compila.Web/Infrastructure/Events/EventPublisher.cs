using System.Diagnostics;
using System.Text.Json;
using Compila.Web.Infrastructure.Data;

namespace Compila.Web.Infrastructure.Events;

/// <summary>Publishes an event as part of the caller's unit of work.</summary>
public interface IEventPublisher
{
    /// <summary>
    /// Adds the event to the scoped <c>CompilaDb</c>: it is stored by the caller's next <c>SaveChanges</c>, in the
    /// caller's transaction, so it exists if and only if the change it reports was committed.
    /// </summary>
    void Publish<TEvent>(TEvent published) where TEvent : IPublishedEvent;
}

internal sealed class OutboxPublisher(CompilaDb db, TimeProvider clock) : IEventPublisher
{
    public void Publish<TEvent>(TEvent published) where TEvent : IPublishedEvent =>
        db.Set<OutboxEvent>().Add(new OutboxEvent
        {
            Type = TEvent.Type,
            Payload = JsonSerializer.Serialize(published, EventJson.Options),
            OccurredAt = clock.GetUtcNow(),
            TraceParent = Activity.Current?.Id,
        });
}
