using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Compila.Web.Features.Ai;

/// <summary>
/// Per provider: after <see cref="AiCircuitBreakerOptions.FailureThreshold"/> consecutive failures the provider is
/// skipped for <see cref="AiCircuitBreakerOptions.BreakSeconds"/>, then one call is let through to probe it.
/// </summary>
public sealed class AiCircuitBreaker(IOptionsMonitor<AiOptions> options, TimeProvider clock)
{
    sealed class State
    {
        public int Failures;
        public DateTimeOffset OpenUntil;
    }

    readonly ConcurrentDictionary<string, State> states = new(StringComparer.OrdinalIgnoreCase);

    public bool IsOpen(string provider)
    {
        if (!states.TryGetValue(provider, out var state))
        {
            return false;
        }

        lock (state)
        {
            return state.OpenUntil > clock.GetUtcNow();
        }
    }

    public void RecordSuccess(string provider)
    {
        var state = states.GetOrAdd(provider, _ => new State());
        lock (state)
        {
            state.Failures = 0;
            state.OpenUntil = DateTimeOffset.MinValue;
        }
    }

    public void RecordFailure(string provider)
    {
        var settings = options.CurrentValue.CircuitBreaker;
        var state = states.GetOrAdd(provider, _ => new State());
        lock (state)
        {
            state.Failures++;
            if (state.Failures >= Math.Max(1, settings.FailureThreshold))
            {
                state.OpenUntil = clock.GetUtcNow().AddSeconds(settings.BreakSeconds);
                state.Failures = 0;
            }
        }
    }
}
