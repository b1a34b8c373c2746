using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Compila.Web.Features.Submissions.Events;

/// <summary>
/// Wakes followers of a submission when a new event is stored. In process by default; through Redis
/// pub/sub when configured, so a socket on one instance follows a worker on another. Followers also poll,
/// so a lost notification only delays, never loses, an event.
/// </summary>
public interface ISubmissionNotifier
{
    Task NotifyAsync(Guid submissionId);

    /// <summary>Completes when an event for the submission is stored (or when <paramref name="timeout"/> passes).</summary>
    Task WaitAsync(Guid submissionId, TimeSpan timeout, CancellationToken ct);
}

internal sealed class InProcessSubmissionNotifier : ISubmissionNotifier
{
    readonly ConcurrentDictionary<Guid, TaskCompletionSource> signals = new();

    public Task NotifyAsync(Guid submissionId)
    {
        if (signals.TryRemove(submissionId, out var signal))
        {
            signal.TrySetResult();
        }

        return Task.CompletedTask;
    }

    public async Task WaitAsync(Guid submissionId, TimeSpan timeout, CancellationToken ct)
    {
        var signal = signals.GetOrAdd(submissionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await signal.Task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            signals.TryRemove(new KeyValuePair<Guid, TaskCompletionSource>(submissionId, signal));
        }
    }
}

internal sealed class RedisSubmissionNotifier : ISubmissionNotifier, IDisposable
{
    static readonly RedisChannel Channel = RedisChannel.Literal("compila:submission-events");
    readonly InProcessSubmissionNotifier local = new();
    readonly IConnectionMultiplexer redis;

    public RedisSubmissionNotifier(IConnectionMultiplexer redis)
    {
        this.redis = redis;
        redis.GetSubscriber().Subscribe(Channel, (channel, message) =>
        {
            if (Guid.TryParse(message.ToString(), out var id))
            {
                _ = local.NotifyAsync(id);
            }
        });
    }

    public async Task NotifyAsync(Guid submissionId)
    {
        await local.NotifyAsync(submissionId);
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, submissionId.ToString());
        }
        catch (RedisException)
        {
            // Followers poll as well; a missed wake-up costs at most one poll interval.
        }
    }

    public Task WaitAsync(Guid submissionId, TimeSpan timeout, CancellationToken ct) => local.WaitAsync(submissionId, timeout, ct);

    public void Dispose() => redis.GetSubscriber().Unsubscribe(Channel);
}
