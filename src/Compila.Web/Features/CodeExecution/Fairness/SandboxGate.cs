using System.Diagnostics;

namespace Compila.Web.Features.CodeExecution.Fairness;

/// <summary>
/// The one way the web host gets sandbox time for a user: code runs, submissions and <c>/v1/solve</c> alike.
/// Checks the user's budget up front, waits fairly for a slot, and charges the time the slot was held.
/// </summary>
public sealed class SandboxGate
{
    readonly SandboxScheduler scheduler;
    readonly SandboxBudget budget;

    internal SandboxGate(SandboxScheduler scheduler, SandboxBudget budget)
    {
        this.scheduler = scheduler;
        this.budget = budget;
    }

    /// <exception cref="SandboxRefusedException">Nothing may run for this user now; nothing was charged.</exception>
    public async Task<SandboxTurn> EnterAsync(Guid userId, SandboxCaller caller, CancellationToken ct)
    {
        var tenant = userId.ToString("N");
        await budget.EnsureAvailableAsync(tenant, ct);
        var slot = await scheduler.EnterAsync(tenant, caller, ct);
        return new SandboxTurn(tenant, slot, budget);
    }
}

/// <summary>A held sandbox slot; disposing gives it back and charges the user the wall time it was held.</summary>
public sealed class SandboxTurn : IAsyncDisposable
{
    readonly string tenant;
    readonly IDisposable slot;
    readonly SandboxBudget budget;
    readonly Stopwatch held = Stopwatch.StartNew();
    bool disposed;

    internal SandboxTurn(string tenant, IDisposable slot, SandboxBudget budget)
    {
        this.tenant = tenant;
        this.slot = slot;
        this.budget = budget;
    }

    /// <summary>The user's budget after this turn was charged (null before, or when the store was unavailable).</summary>
    public SandboxUsage? Usage { get; private set; }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        var elapsed = held.Elapsed;
        slot.Dispose();
        Usage = await budget.ChargeAsync(tenant, elapsed);
    }
}
