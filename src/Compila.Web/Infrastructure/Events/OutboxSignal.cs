using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Compila.Web.Infrastructure.Events;

/// <summary>Wakes this instance's dispatcher when an event was committed here; other instances' events are found by polling.</summary>
public sealed class OutboxSignal : IDisposable
{
    readonly SemaphoreSlim pulses = new(0, 1);

    public void Pulse()
    {
        try
        {
            pulses.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already pulsed; the dispatcher reads every pending event when it wakes.
        }
    }

    public void Dispose() => pulses.Dispose();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await pulses.WaitAsync(timeout, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}

/// <summary>Pulses the <see cref="OutboxSignal"/> once a unit of work that added events has committed.</summary>
internal sealed class OutboxCommitInterceptor : SaveChangesInterceptor
{
    readonly ConditionalWeakTable<DbContext, object> pending = [];
    readonly OutboxSignal signal;

    public OutboxCommitInterceptor(OutboxSignal signal)
    {
        this.signal = signal;
        Transactions = new TransactionInterceptor(this);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries<OutboxEvent>().Any(e => e.State == EntityState.Added))
        {
            pending.AddOrUpdate(context, context);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && pending.Remove(context))
        {
            signal.Pulse();
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    internal TransactionInterceptor Transactions { get; }

    internal void Committed(DbContext? context)
    {
        if (context is not null && pending.Remove(context))
        {
            signal.Pulse();
        }
    }

    internal sealed class TransactionInterceptor(OutboxCommitInterceptor owner) : DbTransactionInterceptor
    {
        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            owner.Committed(eventData.Context);
            return base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        {
            owner.Committed(eventData.Context);
            base.TransactionCommitted(transaction, eventData);
        }
    }
}
