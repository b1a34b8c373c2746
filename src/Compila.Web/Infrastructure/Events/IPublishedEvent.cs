namespace Compila.Web.Infrastructure.Events;

/// <summary>
/// A fact one feature publishes for others to react to. <see cref="Type"/> is stored with every row and names
/// the event on the wire (RabbitMQ routing key), so it never changes once shipped; the record's shape only grows.
/// </summary>
public interface IPublishedEvent
{
    static abstract string Type { get; }
}

/// <summary>What a handler knows about the delivery besides the event itself.</summary>
/// <param name="EventId">The outbox row's id: the same on every redelivery of this event.</param>
public sealed record EventMetadata(Guid EventId, string Type, DateTimeOffset OccurredAt);

/// <summary>
/// Reacts to one event type. Delivered at least once; whatever the handler writes through the scoped
/// <c>CompilaDb</c> commits in the same transaction as the record that it handled this event, so database
/// effects happen exactly once. Effects outside the database (Redis, e-mail) must be idempotent themselves.
/// </summary>
public interface IEventHandler<in TEvent> where TEvent : IPublishedEvent
{
    Task HandleAsync(TEvent published, EventMetadata metadata, CancellationToken ct);
}
