using System.Text;
using System.Text.Json;
using Compila.Web.Infrastructure.Data;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Compila.Web.Infrastructure.Events;

/// <summary>
/// The RabbitMQ transport. The relay moves committed outbox rows to a durable topic exchange (routing key = event
/// type, persistent, publisher-confirmed) and only then marks them dispatched, so a crash in between publishes again
/// (handlers are idempotent). Each handler owns a durable quorum queue bound to its event type; any instance's
/// worker may consume it, and <see cref="EventDeliverer"/> keeps the (event id, handler) record either way.
/// </summary>
internal sealed class RabbitMqEventBus(IOptions<EventsOptions> options) : IAsyncDisposable
{
    readonly SemaphoreSlim connecting = new(1, 1);
    IConnection? connection;

    public EventsOptions Settings => options.Value;

    public string QueueOf(string handler) => $"{Settings.Exchange}.{handler}";

    public async Task<IConnection> ConnectionAsync(CancellationToken ct)
    {
        await connecting.WaitAsync(ct);
        try
        {
            if (connection is not { IsOpen: true })
            {
                var factory = new ConnectionFactory
                {
                    Uri = new Uri(Settings.RabbitMq!),
                    AutomaticRecoveryEnabled = true,
                    ClientProvidedName = "compila-events",
                };
                connection = await factory.CreateConnectionAsync(ct);
            }

            return connection;
        }
        finally
        {
            connecting.Release();
        }
    }

    public Task DeclareExchangeAsync(IChannel channel, CancellationToken ct) =>
        channel.ExchangeDeclareAsync(Settings.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);

    /// <summary>
    /// The exchange and one durable quorum queue per handler, bound to its event type. The relay declares them too:
    /// an event published before any worker has started would otherwise be routed nowhere and dropped.
    /// </summary>
    public async Task DeclareTopologyAsync(IChannel channel, IEnumerable<EventHandlerRegistration> handlers, CancellationToken ct)
    {
        await DeclareExchangeAsync(channel, ct);
        foreach (var handler in handlers)
        {
            var queue = QueueOf(handler.Name);
            // The delivery limit is a backstop for poison messages that crash the process; ordinary failures are
            // counted in event_deliveries and end in the dead-letter view, and OrphanedDeliveries republishes
            // whatever the broker dropped.
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?>
            {
                ["x-queue-type"] = "quorum",
                ["x-delivery-limit"] = Settings.MaxAttempts * 2,
            }, cancellationToken: ct);
            await channel.QueueBindAsync(queue, Settings.Exchange, handler.EventType, cancellationToken: ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        connecting.Dispose();
    }
}

/// <summary>The message body on the exchange: the outbox row.</summary>
internal sealed record EventEnvelope(Guid Id, string Type, DateTimeOffset OccurredAt, string? TraceParent, string Payload)
{
    public static EventEnvelope From(OutboxEvent row) => new(row.Id, row.Type, row.OccurredAt, row.TraceParent, row.Payload);

    public OutboxEvent ToRow() => new() { Id = Id, Type = Type, OccurredAt = OccurredAt, TraceParent = TraceParent, Payload = Payload };
}

internal sealed class RabbitMqEventRelay(
    RabbitMqEventBus bus,
    IEnumerable<EventHandlerRegistration> registrations,
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    TimeProvider clock,
    ILogger<RabbitMqEventRelay> logger) : BackgroundService
{
    const int BatchSize = 100;
    readonly ILookup<string, EventHandlerRegistration> handlers = registrations.ToLookup(r => r.EventType);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(bus.Settings.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connection = await bus.ConnectionAsync(stoppingToken);
                await using var channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), stoppingToken);
                await bus.DeclareTopologyAsync(channel, handlers.SelectMany(h => h), stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (await RelayBatchAsync(channel, stoppingToken) < BatchSize)
                    {
                        await signal.WaitAsync(poll, stoppingToken);
                    }
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Relaying events to RabbitMQ failed; trying again shortly.");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    async Task<int> RelayBatchAsync(IChannel channel, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        var claimed = await OutboxClaims.ClaimAsync(db, clock.GetUtcNow(), TimeSpan.FromSeconds(bus.Settings.LeaseSeconds), BatchSize, ct);
        if (claimed.Count > 0)
        {
            await ExpectedDeliveries.RecordAsync(db, claimed, handlers, ct);
        }

        foreach (var row in claimed)
        {
            var properties = new BasicProperties { Persistent = true, ContentType = "application/json", MessageId = row.Id.ToString(), Type = row.Type };
            var body = JsonSerializer.SerializeToUtf8Bytes(EventEnvelope.From(row), EventJson.Options);
            // With confirmation tracking on, this completes only once the broker has the message.
            await channel.BasicPublishAsync(bus.Settings.Exchange, row.Type, mandatory: false, properties, body, ct);
            await OutboxClaims.MarkDispatchedAsync(db, row, clock.GetUtcNow(), ct);
        }

        return claimed.Count;
    }
}

internal sealed class RabbitMqEventConsumer(
    RabbitMqEventBus bus,
    EventDeliverer deliverer,
    IEnumerable<EventHandlerRegistration> registrations,
    IServiceScopeFactory scopes,
    ILogger<RabbitMqEventConsumer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connection = await bus.ConnectionAsync(stoppingToken);
                var channels = new List<IChannel>();
                foreach (var handler in registrations)
                {
                    channels.Add(await ConsumeAsync(connection, handler, stoppingToken));
                }

                await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
                foreach (var channel in channels)
                {
                    await channel.DisposeAsync();
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Consuming events from RabbitMQ failed; trying again shortly.");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    async Task<IChannel> ConsumeAsync(IConnection connection, EventHandlerRegistration handler, CancellationToken ct)
    {
        var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await bus.DeclareTopologyAsync(channel, [handler], ct);
        var queue = bus.QueueOf(handler.Name);
        await channel.BasicQosAsync(0, 1, global: false, ct);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            try
            {
                await HandleAsync(channel, queue, handler, delivery, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Typically the database refusing connections. Left unacknowledged, the message would hold this
                // consumer (prefetch 1) until the process restarts; give it back to the queue after a pause instead.
                logger.LogWarning(ex, "Delivering a message on {Queue} failed; returning it to the queue.", queue);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
                if (channel.IsOpen)
                {
                    await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
                }
            }
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer, ct);
        return channel;
    }

    async Task HandleAsync(IChannel channel, string queue, EventHandlerRegistration handler, BasicDeliverEventArgs delivery, CancellationToken ct)
    {
        EventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<EventEnvelope>(delivery.Body.Span, EventJson.Options);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (envelope is null)
        {
            logger.LogWarning("Dropping an unreadable message on {Queue}.", queue);
            await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, CancellationToken.None);
            return;
        }

        var (outcome, retryAt) = await deliverer.DeliverAsync(envelope.ToRow(), handler, ct);
        if (outcome == DeliveryOutcome.RetryLater && retryAt is { } at)
        {
            // The retry goes back through the outbox: the relay publishes the event again once `at` has passed
            // (handlers that already handled it skip it), so a long backoff neither holds a consumer nor counts
            // towards the broker's delivery limit.
            await using var scope = scopes.CreateAsyncScope();
            await OutboxClaims.RequeueAsync(scope.ServiceProvider.GetRequiredService<CompilaDb>(), envelope.Id, at, ct);
        }

        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
    }
}
