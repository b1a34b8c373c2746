using System.ComponentModel.DataAnnotations;

namespace Compila.Web.Infrastructure.Events;

/// <summary>The <c>Compila:Events</c> section: how published events reach their handlers.</summary>
public sealed class EventsOptions
{
    public const string Section = "Compila:Events";

    /// <summary>AMQP URI. When empty, handlers are fed from the database's outbox; defaults to <c>Compila:Queue:RabbitMq</c>.</summary>
    public string? RabbitMq { get; set; }

    public string Exchange { get; set; } = "compila.events";

    /// <summary>Failed deliveries of one event to one handler before it is dead-lettered.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a dispatcher's claim on an event lasts; another instance takes it over after that.</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>How often an idle dispatcher looks for events written by other instances.</summary>
    [Range(10, 60_000)]
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>
    /// RabbitMQ transport: how long a delivery may stay unacknowledged after its event was published (or its retry
    /// was due) before the event is published again.
    /// </summary>
    [Range(2, 86_400)]
    public int RepublishAfterSeconds { get; set; } = 120;

    public bool UsesRabbitMq => !string.IsNullOrWhiteSpace(RabbitMq);

    /// <summary>Wait before the next attempt: 1 s, 2 s, 4 s ... up to 5 minutes.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Max(0, attempts - 1))));
}
