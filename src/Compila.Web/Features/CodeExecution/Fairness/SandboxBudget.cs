using Compila.Web.Infrastructure.RateLimiting;
using Microsoft.Extensions.Options;

namespace Compila.Web.Features.CodeExecution.Fairness;

/// <summary>What a user has spent of the current window's sandbox seconds.</summary>
public readonly record struct SandboxUsage(double UsedSeconds, double LimitSeconds, TimeSpan ResetsIn)
{
    public double RemainingSeconds => Math.Max(0, LimitSeconds - UsedSeconds);
}

/// <summary>
/// Sandbox wall seconds per user per fixed window, kept in the shared <see cref="ICounterStore"/> (Redis when
/// configured, so every instance sees one budget). Charged after each run, checked before the next one.
/// </summary>
internal sealed class SandboxBudget(ICounterStore counters, IOptions<SandboxFairnessOptions> options, ILogger<SandboxBudget> logger)
{
    readonly SandboxFairnessOptions settings = options.Value;

    TimeSpan Window => TimeSpan.FromSeconds(settings.WindowSeconds);

    static string Key(string tenant) => "sandbox-ms:" + tenant;

    /// <exception cref="SandboxRefusedException">The user spent the window's seconds.</exception>
    public async Task EnsureAvailableAsync(string tenant, CancellationToken ct)
    {
        WindowCount used;
        try
        {
            used = await counters.PeekAsync(Key(tenant), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // As with rate limits: a broken counter store must not stop learners from running code.
            logger.LogWarning(ex, "Sandbox budget store unavailable; letting the run through.");
            return;
        }

        if (used.Count >= settings.SecondsPerWindow * 1000)
        {
            throw new SandboxRefusedException(SandboxRefusalReason.UserBudget, used.ResetsIn < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : used.ResetsIn);
        }
    }

    public async Task<SandboxUsage?> ChargeAsync(string tenant, TimeSpan elapsed)
    {
        try
        {
            var used = await counters.AddAsync(Key(tenant), Math.Max(1, (long)elapsed.TotalMilliseconds), Window, CancellationToken.None);
            return Usage(used);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not charge {Milliseconds} ms of sandbox time.", (long)elapsed.TotalMilliseconds);
            return null;
        }
    }

    SandboxUsage Usage(WindowCount used) => new(used.Count / 1000.0, settings.SecondsPerWindow, used.ResetsIn);
}
