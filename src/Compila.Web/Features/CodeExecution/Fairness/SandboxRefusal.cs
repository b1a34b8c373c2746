namespace Compila.Web.Features.CodeExecution.Fairness;

public enum SandboxRefusalReason
{
    /// <summary>The user already has as many runs running and waiting as allowed (429).</summary>
    UserConcurrency,

    /// <summary>The user spent the sandbox seconds of the current window (429).</summary>
    UserBudget,

    /// <summary>Too many runs of all users are waiting (503).</summary>
    PlatformFull,

    /// <summary>The run waited its whole allowance for a slot (503).</summary>
    WaitTimedOut,
}

/// <summary>A run the sandbox gate would not (or could not in time) serve; nothing ran.</summary>
public sealed class SandboxRefusedException(SandboxRefusalReason reason, TimeSpan retryAfter)
    : Exception($"Sandbox refused: {reason}.")
{
    public SandboxRefusalReason Reason { get; } = reason;

    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>Whether the user's own allowance refused it (429) rather than the platform (503).</summary>
    public bool IsUsersOwnLimit => Reason is SandboxRefusalReason.UserConcurrency or SandboxRefusalReason.UserBudget;
}
