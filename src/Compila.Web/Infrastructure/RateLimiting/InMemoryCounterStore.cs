using System.Collections.Concurrent;

namespace Compila.Web.Infrastructure.RateLimiting;

internal sealed class InMemoryCounterStore(TimeProvider clock) : ICounterStore
{
    readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);
    long incrementsSinceSweep;

    public Task<WindowCount> IncrementAsync(string key, TimeSpan window, CancellationToken ct = default) => AddAsync(key, 1, window, ct);

    public Task<WindowCount> AddAsync(string key, long amount, TimeSpan window, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        SweepOccasionally(now);
        var current = windows.AddOrUpdate(
            key,
            _ => new Window(amount, now + window),
            (_, w) => w.EndsAt <= now ? new Window(amount, now + window) : w with { Count = w.Count + amount });
        return Task.FromResult(new WindowCount(current.Count, current.EndsAt - now));
    }

    public Task<WindowCount> PeekAsync(string key, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(windows.TryGetValue(key, out var w) && w.EndsAt > now
            ? new WindowCount(w.Count, w.EndsAt - now)
            : new WindowCount(0, TimeSpan.Zero));
    }

    public Task ResetAsync(string key, CancellationToken ct = default)
    {
        windows.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    // Closed windows are dropped now and then so that many distinct clients cannot grow memory without bound.
    void SweepOccasionally(DateTimeOffset now)
    {
        if (Interlocked.Increment(ref incrementsSinceSweep) % 10_000 != 0)
        {
            return;
        }

        foreach (var (key, window) in windows)
        {
            if (window.EndsAt <= now)
            {
                windows.TryRemove(new KeyValuePair<string, Window>(key, window));
            }
        }
    }

    sealed record Window(long Count, DateTimeOffset EndsAt);
}
