using System.Text.Json;

namespace Compila.Web.Infrastructure.Events;

/// <summary>
/// One subscription: the handler's stable <see cref="Name"/> is half of the idempotency key (event id, handler),
/// so renaming a handler's class changes nothing, and renaming the name would deliver history again.
/// </summary>
public sealed class EventHandlerRegistration(string name, string eventType, Func<IServiceProvider, string, EventMetadata, CancellationToken, Task> invoke)
{
    public string Name { get; } = name;

    public string EventType { get; } = eventType;

    public Task InvokeAsync(IServiceProvider services, string payload, EventMetadata metadata, CancellationToken ct) =>
        invoke(services, payload, metadata, ct);

    internal static EventHandlerRegistration For<TEvent, THandler>(string name)
        where TEvent : IPublishedEvent
        where THandler : IEventHandler<TEvent> =>
        new(name, TEvent.Type, (services, payload, metadata, ct) =>
        {
            var published = JsonSerializer.Deserialize<TEvent>(payload, EventJson.Options)
                ?? throw new JsonException($"Event {metadata.EventId} has an empty payload.");
            return services.GetRequiredService<THandler>().HandleAsync(published, metadata, ct);
        });
}

/// <summary>Events are stored and sent as web JSON (camelCase); numbers stay numbers.</summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };
}
