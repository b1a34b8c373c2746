using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Compila.Judge.Sandbox;

/// <summary>How a request to a <see cref="SandboxedServer"/> ended.</summary>
internal enum ServerAnswerKind
{
    Answered,
    TimeLimitExceeded,
    MemoryLimitExceeded,
    /// <summary>The process ended without answering (a bug or a crash); the caller falls back.</summary>
    Died,
    /// <summary>The process could not be started or never said it was ready.</summary>
    Unavailable,
}

internal sealed record ServerAnswer(ServerAnswerKind Kind, string? Line = null, double WallTimeMs = 0);

/// <summary>
/// A long-lived process in its own sandbox (namespaces, seccomp, an unprivileged uid of its own, a memory cgroup)
/// that answers one line per request line, one request at a time. A request over its time limit, or a process that
/// dies, ends the process; the next request starts a fresh one. It is also recycled after
/// <see cref="MaxRequests"/> answers, so nothing a request leaves behind lives long.
/// </summary>
internal sealed class SandboxedServer(BubblewrapRunner runner, Func<(SandboxStep Step, IDisposable Resources)> start, ILogger logger)
    : IDisposable
{
    public const int MaxRequests = 500;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<string> _stderr = new();
    private Process? _process;
    private CgroupSet? _groups;
    private IDisposable? _resources;
    private int _served;
    private int _disposed;

    /// <summary>Whether a process is up (for diagnostics and tests).</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public async Task<ServerAnswer> AskAsync(string request, EffectiveLimits limits, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_process is null && !await StartAsync(cancellationToken).ConfigureAwait(false))
            {
                return new ServerAnswer(ServerAnswerKind.Unavailable);
            }

            var clock = Stopwatch.StartNew();
            var cpuBefore = _groups?.CpuUsageNanoseconds ?? 0;
            await _process!.StandardInput.WriteLineAsync(request.AsMemory(), cancellationToken).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
            var read = _process.StandardOutput.ReadLineAsync(CancellationToken.None).AsTask();
            using var wall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wall.CancelAfter(TimeSpan.FromSeconds(limits.WallTimeSeconds));
            while (!read.IsCompleted)
            {
                try
                {
                    await read.WaitAsync(TimeSpan.FromMilliseconds(25), wall.Token).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    if ((_groups?.CpuUsageNanoseconds ?? 0) - cpuBefore > limits.CpuTimeSeconds * 1e9)
                    {
                        Stop();
                        return new ServerAnswer(ServerAnswerKind.TimeLimitExceeded, WallTimeMs: clock.Elapsed.TotalMilliseconds);
                    }
                }
                catch (OperationCanceledException)
                {
                    Stop();
                    cancellationToken.ThrowIfCancellationRequested();
                    return new ServerAnswer(ServerAnswerKind.TimeLimitExceeded, WallTimeMs: clock.Elapsed.TotalMilliseconds);
                }
            }

            var line = await read.ConfigureAwait(false);
            if (line is null)
            {
                var oom = _groups?.OomKilled == true;
                logger.LogWarning("A sandboxed server ended without answering{Oom}: {Stderr}", oom ? " (out of memory)" : "", Stderr());
                Stop();
                return new ServerAnswer(oom ? ServerAnswerKind.MemoryLimitExceeded : ServerAnswerKind.Died, WallTimeMs: clock.Elapsed.TotalMilliseconds);
            }

            if (++_served >= MaxRequests)
            {
                Stop();
            }

            return new ServerAnswer(ServerAnswerKind.Answered, line, clock.Elapsed.TotalMilliseconds);
        }
        catch (IOException e)
        {
            // The pipe broke under us: the process is gone.
            logger.LogWarning("A sandboxed server's pipe broke: {Error}", e.Message);
            Stop();
            return new ServerAnswer(ServerAnswerKind.Died);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> StartAsync(CancellationToken cancellationToken)
    {
        var (step, resources) = start();
        _resources = resources;
        _served = 0;
        if (runner.Cgroups.Any)
        {
            _groups = runner.Cgroups.Create("server-" + Guid.NewGuid().ToString("N"), step.Limits.MemoryBytes, step.Limits.MaxProcesses);
        }

        _process = runner.Start(step, _groups);
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                if (e.Data is not null)
                {
                    _stderr.Enqueue(e.Data);
                    while (_stderr.Count > 20)
                    {
                        _stderr.Dequeue();
                    }
                }
            }
        };
        _process.BeginErrorReadLine();
        try
        {
            var ready = _process.StandardOutput.ReadLineAsync(CancellationToken.None).AsTask();
            if (await ready.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false) == "{\"ready\":true}")
            {
                return true;
            }
        }
        catch (TimeoutException)
        {
            // Fall through: it never said it was ready.
        }
        catch (OperationCanceledException)
        {
            Stop();
            throw;
        }

        logger.LogError("A sandboxed server did not start: {Stderr}", Stderr());
        Stop();
        return false;
    }

    private string Stderr()
    {
        lock (_stderr)
        {
            return string.Join('\n', _stderr);
        }
    }

    private void Stop()
    {
        if (_process is { } process)
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
            _process = null;
        }

        if (_groups is { } groups)
        {
            _groups = null;
            _ = Task.Run(async () =>
            {
                if (!await groups.KillAllAndRemoveAsync().ConfigureAwait(false))
                {
                    logger.LogError("A sandboxed server's process survived its kill; its cgroup was left in place.");
                }
            });
        }

        _resources?.Dispose();
        _resources = null;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _gate.Wait();
        try
        {
            Stop();
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }
}
