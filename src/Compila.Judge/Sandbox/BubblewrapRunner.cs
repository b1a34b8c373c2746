using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Compila.Judge.Sandbox;

/// <summary>
/// Runs one step inside bubblewrap, as the process chain <see cref="BubblewrapCommand"/> builds, and watches it to
/// its end: output caps, CPU and wall limits, and what it used.
/// </summary>
internal sealed class BubblewrapRunner(BubblewrapCommand command, ILogger logger)
{
    /// <summary>
    /// What a launcher's groups may keep charged after a step (page cache first read by its steps stays charged to
    /// the group that read it) before the launcher is replaced and the charges move to the parent group.
    /// </summary>
    private const long LauncherLeftoverBytes = 32L * 1024 * 1024;

    /// <summary>How the chain's own tools begin their errors (the step never ran).</summary>
    private static readonly string[] SandboxErrorPrefixes = ["bwrap: ", "ulimit: ", "setpriv: ", "sh: ", BubblewrapCommand.Shell + ": ", "timeout: failed to run command"];

    public BubblewrapCommand Command => command;
    public Cgroups Cgroups => command.Cgroups;

    /// <summary>
    /// Runs one step: forked by the slot's launcher when there is one (born in its cgroups), else started here in
    /// cgroups of its own that its first process joins.
    /// </summary>
    public async Task<StepOutcome> RunAsync(SandboxStep step, CancellationToken cancellationToken, LauncherSlot? slot = null)
    {
        if (step.HostUid is not null && slot is not null && await slot.GetAsync().ConfigureAwait(false) is { } launcher
            && launcher.Uid == step.HostUid
            && await RunOnLauncherAsync(step, launcher, cancellationToken).ConfigureAwait(false) is { } launched)
        {
            return launched;
        }

        var l = step.Limits;
        CgroupSet? groups = null;
        if (command.Cgroups.Any)
        {
            groups = command.Cgroups.Create(Guid.NewGuid().ToString("N"), l.MemoryBytes, l.MaxProcesses + BubblewrapCommand.ChainProcesses);
        }

        try
        {
            using var process = new DirectStepProcess(Start(step, groups));
            return await RunStartedAsync(step, process, groups, null, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (groups is not null && !await groups.KillAllAndRemoveAsync().ConfigureAwait(false))
            {
                logger.LogError("A sandboxed process survived its step's kill; its cgroup was left in place.");
            }
        }
    }

    /// <summary>
    /// Runs a step forked by the slot's launcher; null when the launcher could not start it (nothing ran, and the
    /// step runs the direct way; the next step gets a new launcher).
    /// </summary>
    private async Task<StepOutcome?> RunOnLauncherAsync(SandboxStep step, StepLauncher launcher, CancellationToken cancellationToken)
    {
        IStepProcess launched;
        try
        {
            // The launcher's own shell lives in its groups too, hence one process more than the direct path.
            launcher.Groups.SetLimits(step.Limits.MemoryBytes, step.Limits.MaxProcesses + BubblewrapCommand.ChainProcesses + 1);
            launcher.Groups.StartStep();
            launched = await launcher.LaunchAsync(command.LauncherScript(step)).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            // A group that cannot take the step's limits, or a launcher that does not take the command.
            logger.LogWarning("Step launcher unusable ({Error}); running the step directly.", e.Message);
            launcher.MarkBroken();
            return null;
        }

        try
        {
            var outcome = await RunStartedAsync(step, launched, launcher.Groups, launcher.Pid, cancellationToken).ConfigureAwait(false);
            return outcome.ExitCode == StepLauncher.NotStarted ? null : outcome;
        }
        finally
        {
            launched.Dispose();
            if (!await launcher.Groups.KillMembersUntilGoneAsync(spare: launcher.Pid).ConfigureAwait(false))
            {
                logger.LogError("A sandboxed process survived its step's kill; its launcher is retired.");
                launcher.MarkBroken();
            }

            launcher.RetireIfSpent(LauncherLeftoverBytes);
        }
    }

    /// <summary>Starts the step's process chain with its three standard streams redirected; the caller owns it.</summary>
    public Process Start(SandboxStep step, CgroupSet? groups)
    {
        var psi = new ProcessStartInfo
        {
            FileName = BubblewrapCommand.Shell,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // dash exports its working directory as PWD, which would reach the sandbox's pid 1: a neutral one.
            WorkingDirectory = "/",
        };
        var argv = command.OuterArguments(step, groups);
        foreach (var arg in argv.Skip(1))
        {
            psi.ArgumentList.Add(arg);
        }

        // Nothing of the host's environment reaches even the outer chain.
        psi.Environment.Clear();
        psi.Environment["PATH"] = "/usr/bin:/bin";
        var process = new Process { StartInfo = psi };
        Native.CloseInheritedDescriptorsOnExec();
        process.Start();
        return process;
    }

    /// <summary>
    /// Watches a started step to its end: output caps, CPU and wall limits, and what it used. <c>spare</c> is the slot
    /// launcher living in the groups, which is not the step's to kill.
    /// </summary>
    private async Task<StepOutcome> RunStartedAsync(
        SandboxStep step, IStepProcess process, CgroupSet? groups, int? spare, CancellationToken cancellationToken)
    {
        var l = step.Limits;
        var outputCap = l.MaxOutputKilobytes * 1024;
        var stopwatch = Stopwatch.StartNew();

        var killed = 0;
        var wallExceeded = false;
        var cpuExceeded = false;
        var outputExceeded = false;
        void KillAll()
        {
            if (Interlocked.Exchange(ref killed, 1) == 1)
            {
                return;
            }

            process.Kill();
            groups?.KillMembers(spare);
        }

        var stdoutTask = ReadCappedAsync(process, p => p.Stdout, outputCap, () => { outputExceeded = true; KillAll(); });
        var stderrTask = ReadCappedAsync(process, p => p.Stderr, outputCap, () => { outputExceeded = true; KillAll(); });
        var stdinTask = WriteStdinAsync(process, step.Stdin);

        using var wall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wall.CancelAfter(TimeSpan.FromSeconds(l.WallTimeSeconds));
        var exitTask = process.Exit;
        var cpuLimitNs = (long)(l.CpuTimeSeconds * 1e9);
        while (!exitTask.IsCompleted)
        {
            try
            {
                await exitTask.WaitAsync(TimeSpan.FromMilliseconds(25), wall.Token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                groups?.Sample();
                if (groups?.CpuUsageNanoseconds is { } usage && usage > cpuLimitNs)
                {
                    cpuExceeded = true;
                    KillAll();
                }
            }
            catch (OperationCanceledException)
            {
                wallExceeded = !cancellationToken.IsCancellationRequested;
                KillAll();
                await exitTask.ConfigureAwait(false);
            }
        }

        stopwatch.Stop();
        // The namespace is gone with bwrap; anything left in the cgroups is killed now so the pipes close.
        groups?.KillMembers(spare);

        var readers = Task.WhenAll(stdoutTask, stderrTask);
        var leaked = false;
        if (await Task.WhenAny(readers, Task.Delay(TimeSpan.FromSeconds(3), CancellationToken.None)).ConfigureAwait(false) != readers)
        {
            leaked = true;
            logger.LogError("Sandbox output pipes stayed open after the step ended.");
        }

        await stdinTask.ConfigureAwait(false);
        var (stdout, stdoutTruncated) = readers.IsCompletedSuccessfully ? stdoutTask.Result : ([], true);
        var (stderr, stderrTruncated) = readers.IsCompletedSuccessfully ? stderrTask.Result : ([], true);

        var exitCode = await exitTask.ConfigureAwait(false);
        int? signal = exitCode is > 128 and <= 128 + 64 ? exitCode - 128 : null;
        if (killed == 1)
        {
            signal = Native.SigKill;
        }

        string? sandboxError = null;
        if (exitCode == StepLauncher.LauncherDied)
        {
            sandboxError = "The sandbox's launcher died during the step.";
        }
        else if (killed == 0 && exitCode is 1 or 125 or 126 or 127)
        {
            var text = Encoding.UTF8.GetString(stderr);
            if (SandboxErrorPrefixes.Any(prefix => text.StartsWith(prefix, StringComparison.Ordinal)))
            {
                sandboxError = text.Trim();
            }
        }

        var cpuMs = groups?.CpuUsageNanoseconds is { } ns ? ns / 1e6 : 0;
        if (signal == 24)
        {
            // SIGXCPU: RLIMIT_CPU of one process hit.
            cpuExceeded = true;
        }

        return new StepOutcome
        {
            ExitCode = exitCode,
            Signal = signal,
            Stdout = stdout,
            StdoutTruncated = stdoutTruncated,
            Stderr = stderr,
            StderrTruncated = stderrTruncated,
            WallTimeExceeded = wallExceeded,
            CpuTimeExceeded = cpuExceeded || cpuMs > l.CpuTimeSeconds * 1000,
            OutputExceeded = outputExceeded,
            MemoryExceeded = groups?.OomKilled ?? false,
            CpuTimeMs = cpuMs,
            WallTimeMs = stopwatch.Elapsed.TotalMilliseconds,
            PeakMemoryBytes = groups?.PeakMemoryBytes,
            Leaked = leaked,
            SandboxError = sandboxError,
        };
    }

    private static async Task<(byte[] Data, bool Truncated)> ReadCappedAsync(
        IStepProcess process, Func<IStepProcess, Stream> output, int cap, Action onOverflow)
    {
        await process.Started.ConfigureAwait(false);
        var stream = output(process);
        using var buffer = new MemoryStream();
        var chunk = new byte[65536];
        var truncated = false;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk).ConfigureAwait(false)) > 0)
            {
                var room = cap - (int)buffer.Length;
                if (read > room)
                {
                    buffer.Write(chunk, 0, Math.Max(room, 0));
                    truncated = true;
                    onOverflow();
                    break;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException)
        {
            // The pipe broke when the sandbox was killed.
        }

        return (buffer.ToArray(), truncated);
    }

    private static async Task WriteStdinAsync(IStepProcess process, byte[]? data)
    {
        await process.Started.ConfigureAwait(false);
        var stdin = process.Stdin;
        try
        {
            if (data is { Length: > 0 })
            {
                await stdin.WriteAsync(data).ConfigureAwait(false);
            }
        }
        catch (IOException)
        {
            // The program exited without reading all its input.
        }
        finally
        {
            try
            {
                await stdin.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Same: broken pipe on close.
            }
        }
    }
}
