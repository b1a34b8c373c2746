using Compila.Judge;
using Microsoft.Extensions.Options;

namespace Compila.Web.Features.CodeExecution.Fairness;

/// <summary>Who is waiting for a sandbox slot: an HTTP request may queue behind its own runs, a queued job may not.</summary>
public enum SandboxCaller
{
    Request,
    QueuedJob,
}

/// <summary>
/// The fair queue in front of the judge's pool, keyed by an opaque tenant (the user). It hands out at most
/// <see cref="Slots"/> slots (the judge's pool size, so the judge's own FIFO queue stays empty) and at most
/// <see cref="SandboxFairnessOptions.MaxRunningPerUser"/> to one tenant. When a slot frees, the waiting tenant served
/// least recently goes next, so a run waits behind its own tenant's work, never behind another's backlog.
/// </summary>
internal sealed class SandboxScheduler
{
    readonly Lock sync = new();
    readonly Dictionary<string, Tenant> tenants = new(StringComparer.Ordinal);
    readonly SandboxFairnessOptions settings;
    int freeSlots;
    int waiting;
    long served;

    public SandboxScheduler(IOptions<SandboxFairnessOptions> options, IOptions<JudgeOptions> judge)
    {
        settings = options.Value;
        Slots = settings.Slots > 0 ? settings.Slots
            : judge.Value.PoolSize > 0 ? judge.Value.PoolSize
            : Environment.ProcessorCount;
        freeSlots = Slots;
    }

    public int Slots { get; }

    /// <summary>Waits for a slot for <paramref name="tenantKey"/>; dispose the returned slot to give it back.</summary>
    /// <exception cref="SandboxRefusedException">Over the tenant's cap, the platform's queue is full, or the wait ran out.</exception>
    public async Task<IDisposable> EnterAsync(string tenantKey, SandboxCaller caller, CancellationToken ct)
    {
        Waiter waiter;
        lock (sync)
        {
            var tenant = TenantFor(tenantKey);
            var allowed = settings.MaxRunningPerUser + (caller == SandboxCaller.Request ? settings.MaxQueuedPerUser : 0);
            if (tenant.Running + tenant.Waiting.Count >= allowed)
            {
                ForgetIfIdle(tenant);
                throw new SandboxRefusedException(SandboxRefusalReason.UserConcurrency, TimeSpan.FromSeconds(settings.RetryAfterSeconds));
            }

            if (freeSlots > 0 && tenant.Running < settings.MaxRunningPerUser && tenant.Waiting.Count == 0)
            {
                Grant(tenant);
                return new Slot(this, tenant);
            }

            if (waiting >= settings.QueueCapacity)
            {
                ForgetIfIdle(tenant);
                throw new SandboxRefusedException(SandboxRefusalReason.PlatformFull, TimeSpan.FromSeconds(settings.RetryAfterSeconds));
            }

            waiter = new Waiter(tenant);
            tenant.Waiting.AddLast(waiter.Node);
            waiting++;
        }

        try
        {
            await waiter.Granted.Task.WaitAsync(TimeSpan.FromSeconds(settings.MaxWaitSeconds), ct).ConfigureAwait(false);
            return new Slot(this, waiter.Tenant);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            lock (sync)
            {
                if (!waiter.Granted.Task.IsCompleted)
                {
                    waiter.Tenant.Waiting.Remove(waiter.Node);
                    waiting--;
                    ForgetIfIdle(waiter.Tenant);
                    if (ex is TimeoutException)
                    {
                        // Still behind the tenant's own running work: their cap kept it waiting, not the platform.
                        var reason = waiter.Tenant.Running >= settings.MaxRunningPerUser ? SandboxRefusalReason.UserConcurrency : SandboxRefusalReason.WaitTimedOut;
                        throw new SandboxRefusedException(reason, TimeSpan.FromSeconds(settings.RetryAfterSeconds));
                    }

                    throw;
                }
            }

            // Granted in the same instant the wait gave up: a timed-out run takes its slot, a cancelled one returns it.
            if (ex is TimeoutException)
            {
                return new Slot(this, waiter.Tenant);
            }

            Release(waiter.Tenant);
            throw;
        }
    }

    /// <summary>Runs holding and waiting for <paramref name="tenantKey"/> on this instance.</summary>
    public (int Running, int Waiting) Held(string tenantKey)
    {
        lock (sync)
        {
            return tenants.TryGetValue(tenantKey, out var tenant) ? (tenant.Running, tenant.Waiting.Count) : (0, 0);
        }
    }

    void Release(Tenant tenant)
    {
        lock (sync)
        {
            tenant.Running--;
            freeSlots++;
            Dispatch();
            ForgetIfIdle(tenant);
        }
    }

    void Dispatch()
    {
        while (freeSlots > 0)
        {
            Tenant? next = null;
            foreach (var tenant in tenants.Values)
            {
                if (tenant.Waiting.Count > 0 && tenant.Running < settings.MaxRunningPerUser && (next is null || tenant.LastServed < next.LastServed))
                {
                    next = tenant;
                }
            }

            if (next is null)
            {
                return;
            }

            var waiter = next.Waiting.First!.Value;
            next.Waiting.RemoveFirst();
            waiting--;
            Grant(next);
            waiter.Granted.TrySetResult();
        }
    }

    void Grant(Tenant tenant)
    {
        freeSlots--;
        tenant.Running++;
        tenant.LastServed = ++served;
    }

    Tenant TenantFor(string key)
    {
        if (!tenants.TryGetValue(key, out var tenant))
        {
            tenant = new Tenant(key);
            tenants[key] = tenant;
        }

        return tenant;
    }

    // Only tenants with work are kept, so the table is bounded by slots plus the queue's capacity.
    void ForgetIfIdle(Tenant tenant)
    {
        if (tenant.Running == 0 && tenant.Waiting.Count == 0)
        {
            tenants.Remove(tenant.Key);
        }
    }

    sealed class Tenant(string key)
    {
        public string Key { get; } = key;
        public int Running { get; set; }
        public long LastServed { get; set; }
        public LinkedList<Waiter> Waiting { get; } = new();
    }

    sealed class Waiter
    {
        public Waiter(Tenant tenant)
        {
            Tenant = tenant;
            Node = new LinkedListNode<Waiter>(this);
        }

        public Tenant Tenant { get; }
        public LinkedListNode<Waiter> Node { get; }

        // Granted under the scheduler's lock: continuations must not run inline there.
        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    sealed class Slot(SandboxScheduler scheduler, Tenant tenant) : IDisposable
    {
        int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                scheduler.Release(tenant);
            }
        }
    }
}
