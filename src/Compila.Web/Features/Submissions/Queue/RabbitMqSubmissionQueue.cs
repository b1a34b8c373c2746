using System.Text;
using Compila.Web.Infrastructure.Data;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Compila.Web.Features.Submissions.Queue;

/// <summary>
/// RabbitMQ transport: a durable quorum queue, persistent messages, publisher confirms, manual acks, and
/// broker-side dead-lettering once a message has been delivered <see cref="QueueOptions.MaxAttempts"/> times.
/// A worker that dies mid-judging leaves its message unacked, so the broker redelivers it.
/// </summary>
internal sealed class RabbitMqSubmissionQueue(IOptions<QueueOptions> options, ILogger<RabbitMqSubmissionQueue> logger)
    : ISubmissionQueue, ISubmissionQueueConsumer, IAsyncDisposable
{
    readonly QueueOptions settings = options.Value;
    readonly SemaphoreSlim connecting = new(1, 1);
    IConnection? connection;
    IChannel? publisher;

    string DeadLetterExchange => settings.QueueName + ".dlx";
    string DeadLetterQueue => settings.QueueName + ".dead";

    public void Stage(CompilaDb db, Guid submissionId)
    {
        // Nothing to stage: the message is published once the submission is committed. Should that publish
        // be lost with a crash, the stale-pending sweep of the worker publishes it again.
    }

    public async Task PublishAsync(Guid submissionId, CancellationToken ct)
    {
        var channel = await PublisherAsync(ct);
        var properties = new BasicProperties { Persistent = true, ContentType = "text/plain", MessageId = submissionId.ToString() };
        // With confirmation tracking on, this completes only when the broker has confirmed the message.
        await channel.BasicPublishAsync("", settings.QueueName, mandatory: true, properties, Encoding.UTF8.GetBytes(submissionId.ToString()), ct);
    }

    public async Task ConsumeAsync(JudgeDelivery handle, DeadLetter deadLetter, CancellationToken ct)
    {
        var connection = await ConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await DeclareAsync(channel, ct);
        await channel.BasicQosAsync(0, (ushort)settings.ConsumerCount, global: false, ct);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            if (!Guid.TryParse(Encoding.UTF8.GetString(delivery.Body.Span), out var submissionId))
            {
                await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false, CancellationToken.None);
                return;
            }

            var attempt = DeliveryCount(delivery.BasicProperties) + 1;
            try
            {
                await handle(submissionId, attempt, ct);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
            }
            catch (JudgeDeferredException deferred)
            {
                // A nack would count a delivery towards dead-lettering and a delay here would hold a consumer: the
                // message is acked and published again later (lost in a crash, the stale-pending sweep publishes it).
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
                _ = PublishLaterAsync(submissionId, deferred.RetryAfter, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Judging submission {SubmissionId} failed (delivery {Attempt}); requeued.", submissionId, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, attempt)), CancellationToken.None);
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
            }
        };
        await channel.BasicConsumeAsync(settings.QueueName, autoAck: false, consumer, ct);

        var deadConsumer = new AsyncEventingBasicConsumer(channel);
        deadConsumer.ReceivedAsync += async (_, delivery) =>
        {
            if (Guid.TryParse(Encoding.UTF8.GetString(delivery.Body.Span), out var submissionId))
            {
                await deadLetter(submissionId, $"dead-lettered after {settings.MaxAttempts} deliveries", ct);
            }

            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
        };
        await channel.BasicConsumeAsync(DeadLetterQueue, autoAck: false, deadConsumer, ct);

        await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, CancellationToken.None);
    }

    async Task PublishLaterAsync(Guid submissionId, TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, ct);
            await PublishAsync(submissionId, ct);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not publish deferred submission {SubmissionId} again; the stale-pending sweep will.", submissionId);
        }
    }

    async Task<IChannel> PublisherAsync(CancellationToken ct)
    {
        if (publisher is { IsOpen: true })
        {
            return publisher;
        }

        await connecting.WaitAsync(ct);
        try
        {
            if (publisher is not { IsOpen: true })
            {
                var connection = await ConnectionAsync(ct);
                publisher = await connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
                await DeclareAsync(publisher, ct);
            }

            return publisher;
        }
        finally
        {
            connecting.Release();
        }
    }

    async Task<IConnection> ConnectionAsync(CancellationToken ct)
    {
        if (connection is { IsOpen: true })
        {
            return connection;
        }

        var factory = new ConnectionFactory
        {
            Uri = new Uri(settings.RabbitMq!),
            AutomaticRecoveryEnabled = true,
            ClientProvidedName = "compila-web",
            ConsumerDispatchConcurrency = (ushort)settings.ConsumerCount,
        };
        connection = await factory.CreateConnectionAsync(ct);
        return connection;
    }

    async Task DeclareAsync(IChannel channel, CancellationToken ct)
    {
        await channel.ExchangeDeclareAsync(DeadLetterExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.QueueDeclareAsync(DeadLetterQueue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        await channel.QueueBindAsync(DeadLetterQueue, DeadLetterExchange, "", cancellationToken: ct);
        await channel.QueueDeclareAsync(settings.QueueName, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-delivery-limit"] = settings.MaxAttempts,
            ["x-dead-letter-exchange"] = DeadLetterExchange,
        }, cancellationToken: ct);
    }

    static int DeliveryCount(IReadOnlyBasicProperties properties) =>
        properties.Headers?.TryGetValue("x-delivery-count", out var value) == true ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    public async ValueTask DisposeAsync()
    {
        if (publisher is not null)
        {
            await publisher.DisposeAsync();
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        connecting.Dispose();
    }
}
