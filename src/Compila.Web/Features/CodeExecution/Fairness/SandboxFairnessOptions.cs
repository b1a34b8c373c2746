namespace Compila.Web.Features.CodeExecution.Fairness;

/// <summary>
/// The <c>Compila:Sandbox</c> section: how the sandbox pool is shared between users. Code runs, submissions and
/// <c>/v1/solve</c> all draw on the same per-user allowance.
/// </summary>
public sealed class SandboxFairnessOptions
{
    public const string Section = "Compila:Sandbox";

    /// <summary>Sandbox slots this instance hands out at once; 0 means the judge's pool size.</summary>
    public int Slots { get; set; }

    /// <summary>Slots one user holds at once on this instance.</summary>
    public int MaxRunningPerUser { get; set; } = 1;

    /// <summary>Runs of one user waiting for a slot; one more is refused with 429.</summary>
    public int MaxQueuedPerUser { get; set; } = 2;

    /// <summary>Runs of all users waiting for a slot; one more is refused with 503.</summary>
    public int QueueCapacity { get; set; } = 32;

    /// <summary>How long a run may wait for a slot before it is answered 503 (a queued submission is deferred instead).</summary>
    public double MaxWaitSeconds { get; set; } = 10;

    /// <summary>Sandbox wall seconds one user may consume per window (charged after each run; over it, refused up front).</summary>
    public double SecondsPerWindow { get; set; } = 40;

    /// <summary>Length of the budget's fixed window.</summary>
    public double WindowSeconds { get; set; } = 60;

    /// <summary>The Retry-After of a 503 when the platform's queue is full.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    internal static bool IsValid(SandboxFairnessOptions o) =>
        o.Slots >= 0 && o.MaxRunningPerUser >= 1 && o.MaxQueuedPerUser >= 0 && o.QueueCapacity >= 0
        && o.MaxWaitSeconds > 0 && o.SecondsPerWindow > 0 && o.WindowSeconds >= 1 && o.RetryAfterSeconds >= 1;
}
