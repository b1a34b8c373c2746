using System.ComponentModel.DataAnnotations;

namespace Compila.Web.Features.Submissions.Queue;

/// <summary>The <c>Compila:Queue</c> section.</summary>
public sealed class QueueOptions
{
    public const string Section = "Compila:Queue";

    /// <summary>AMQP URI (amqp://user:pass@host:5672/vhost). When empty the durable queue lives in the database.</summary>
    public string? RabbitMq { get; set; }

    [Required]
    public string QueueName { get; set; } = "compila.submissions";

    /// <summary>Deliveries of one submission before it is dead-lettered and marked as not judgeable.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long a database-queue claim lasts; a crashed worker's job is retried after it.</summary>
    [Range(1, 86_400)]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Submissions judged at once by this instance's worker; 0 means the number of cores.</summary>
    [Range(0, 1024)]
    public int Consumers { get; set; }

    /// <summary>How often an idle database-queue consumer looks for work.</summary>
    [Range(1, 60_000)]
    public int PollMilliseconds { get; set; } = 250;

    public bool UsesRabbitMq => !string.IsNullOrWhiteSpace(RabbitMq);

    public int ConsumerCount => Consumers > 0 ? Consumers : Environment.ProcessorCount;
}
