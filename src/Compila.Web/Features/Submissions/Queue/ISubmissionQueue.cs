using Compila.Web.Infrastructure.Data;

namespace Compila.Web.Features.Submissions.Queue;

/// <summary>Producer side of the judging queue.</summary>
public interface ISubmissionQueue
{
    /// <summary>Called in the transaction that stores the submission (the database queue adds its job row there).</summary>
    void Stage(CompilaDb db, Guid submissionId);

    /// <summary>Called after that transaction committed (RabbitMQ publishes, with a publisher confirm).</summary>
    Task PublishAsync(Guid submissionId, CancellationToken ct);
}

/// <summary>What the worker does with one delivery.</summary>
public delegate Task JudgeDelivery(Guid submissionId, int attempt, CancellationToken ct);

/// <summary>What the worker does with a delivery that failed <see cref="QueueOptions.MaxAttempts"/> times.</summary>
public delegate Task DeadLetter(Guid submissionId, string reason, CancellationToken ct);

/// <summary>Consumer side: at-least-once delivery; a handler that throws gets the job retried later.</summary>
public interface ISubmissionQueueConsumer
{
    Task ConsumeAsync(JudgeDelivery handle, DeadLetter deadLetter, CancellationToken ct);
}
