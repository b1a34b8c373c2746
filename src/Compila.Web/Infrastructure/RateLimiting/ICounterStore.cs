namespace Compila.Web.Infrastructure.RateLimiting;

/// <summary>
/// Fixed-window counters: the first increment of a key opens a window; the count resets when it closes.
/// In memory for one instance; Redis when configured, so all instances share one budget.
/// </summary>
public interface ICounterStore
{
    Task<WindowCount> IncrementAsync(string key, TimeSpan window, CancellationToken ct = default);

    /// <summary>Adds <paramref name="amount"/> (a cost such as milliseconds of sandbox time) instead of one hit.</summary>
    Task<WindowCount> AddAsync(string key, long amount, TimeSpan window, CancellationToken ct = default);

    Task<WindowCount> PeekAsync(string key, CancellationToken ct = default);

    Task ResetAsync(string key, CancellationToken ct = default);
}

/// <param name="Count">Hits in the current window (0 when no window is open).</param>
/// <param name="ResetsIn">Time until the window closes.</param>
public readonly record struct WindowCount(long Count, TimeSpan ResetsIn);
