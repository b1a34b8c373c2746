using System.Diagnostics;
using System.Globalization;
using System.IO.Pipes;
using Microsoft.Extensions.Logging;

namespace Compila.Judge.Sandbox;

/// <summary>
/// A root shell (dash) living in one judge slot's cgroups that forks every step of that slot, so each step is born
/// in the groups. Joining a cgroup v1 group instead takes the kernel's <c>cgroup_threadgroup_rwsem</c> for writing,
/// which waits out an RCU grace period (8–11 ms on this kind of machine) whenever no join happened in the last few
/// milliseconds: that wait was most of the sandbox's overhead.
/// The host sends one command line per step; the shell opens the step's pipes through <c>/proc/HOST/fd</c>, forks
/// the chain (rlimits, setpriv, bubblewrap) with them as its standard streams, answers its pid, waits for it and
/// answers its exit status. The shell reads nothing else and the sandbox never sees it: the step's streams replace
/// its own before the chain execs, and its saved copies are close-on-exec.
/// </summary>
internal sealed class StepLauncher : IDisposable
{
    /// <summary>Exit status of a step whose launcher died before it could answer.</summary>
    public const int LauncherDied = -1;

    /// <summary>Exit status of a step the launcher did not start (nothing ran; it can run another way).</summary>
    public const int NotStarted = -2;

    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);
    private readonly Process _shell;
    private readonly ILogger _logger;
    private bool _broken;

    private StepLauncher(Process shell, CgroupSet groups, ILogger logger)
    {
        _shell = shell;
        _logger = logger;
        Groups = groups;
    }

    public CgroupSet Groups { get; }

    public int Pid => _shell.Id;

    public bool Usable => !_broken && !_shell.HasExited;

    /// <summary>Starts a launcher in new groups of its own (paying the cgroup join once).</summary>
    public static StepLauncher Start(Cgroups cgroups, ILogger logger)
    {
        var groups = cgroups.Create("slot-" + Guid.NewGuid().ToString("N"), 64L * 1024 * 1024, 16);
        var psi = new ProcessStartInfo
        {
            FileName = Bubblewrap.Shell,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-s");
        psi.Environment.Clear();
        psi.Environment["PATH"] = "/usr/bin:/bin";
        Native.CloseInheritedDescriptorsOnExec();
        var shell = Process.Start(psi)!;
        try
        {
            var pid = shell.Id.ToString(CultureInfo.InvariantCulture);
            foreach (var procs in groups.ProcsFiles)
            {
                File.WriteAllText(procs, pid);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Stop(shell, groups);
            throw;
        }

        shell.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                logger.LogWarning("Step launcher: {Line}", e.Data);
            }
        };
        shell.BeginErrorReadLine();
        return new StepLauncher(shell, groups, logger);
    }

    /// <summary>
    /// Sends the launcher <paramref name="chainScript"/> (shell code ending in an exec) to fork with new pipes as its
    /// standard streams, and returns at once: the step's clock starts now, and the launcher's answers (the chain's
    /// pid, then its status) are read while it runs.
    /// </summary>
    public async Task<IStepProcess> LaunchAsync(string chainScript)
    {
        var stdin = new AnonymousPipeServerStream(PipeDirection.Out, HandleInheritability.None);
        var stdout = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.None);
        var stderr = new AnonymousPipeServerStream(PipeDirection.In, HandleInheritability.None);
        var step = new LaunchedStep(stdin, stdout, stderr);
        try
        {
            var host = Environment.ProcessId;
            string End(AnonymousPipeServerStream pipe) => ShellQuoting.Quote($"/proc/{host}/fd/{pipe.GetClientHandleAsString()}");
            // A non-interactive shell gives an asynchronous list /dev/null as its standard input, so stdin travels on
            // fd 7 and is moved to fd 0 inside.
            var line = $"if {{ ( exec 0<&7 7<&-; {chainScript} ) & }} 7<{End(stdin)} >{End(stdout)} 2>{End(stderr)}; "
                + "then echo \"$!\"; wait \"$!\"; echo \"$?\"; else echo x; fi\n";
            await _shell.StandardInput.WriteAsync(line).ConfigureAwait(false);
            await _shell.StandardInput.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            _broken = true;
            step.Dispose();
            throw;
        }

        step.Exit = FollowAsync(step);
        return step;
    }

    /// <summary>Retires the launcher when it failed, or when earlier steps left too much charged to its memory group.</summary>
    public void RetireIfSpent(long maxLeftoverBytes)
    {
        if (Groups.MemoryUsageBytes is { } usage && usage > maxLeftoverBytes)
        {
            _broken = true;
        }
    }

    public void MarkBroken() => _broken = true;

    public void Dispose() => Stop(_shell, Groups);

    /// <summary>Reads the launcher's two answers about a step: the chain's pid once forked, its status once ended.</summary>
    private async Task<int> FollowAsync(LaunchedStep step)
    {
        string? answer;
        try
        {
            answer = await _shell.StandardOutput.ReadLineAsync().WaitAsync(AnswerTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            answer = "(nothing)";
        }

        if (!int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            // "x": the shell could not open the pipes; anything else: it is not answering as it should.
            _broken = true;
            _logger.LogWarning("The step launcher did not start a step (answered '{Answer}').", answer);
            step.DidNotStart();
            return NotStarted;
        }

        step.Started(pid);
        // No timeout: the step's own limits end it, and the answer follows its end.
        answer = await _shell.StandardOutput.ReadLineAsync().ConfigureAwait(false);
        if (int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return status;
        }

        _broken = true;
        _logger.LogError("The step launcher died during a step (answered '{Answer}').", answer);
        return LauncherDied;
    }

    private static void Stop(Process shell, CgroupSet groups)
    {
        try
        {
            shell.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        shell.Dispose();
        _ = groups.KillAllAndRemoveAsync();
    }

    private sealed class LaunchedStep(AnonymousPipeServerStream stdin, AnonymousPipeServerStream stdout, AnonymousPipeServerStream stderr)
        : IStepProcess
    {
        private int _pid;

        public Stream Stdin => stdin;
        public Stream Stdout => stdout;
        public Stream Stderr => stderr;
        public Task<int> Exit { get; set; } = Task.FromResult(NotStarted);

        /// <summary>The chain holds its ends now; once the host drops its copies, end of file means the sandbox is done.</summary>
        public void Started(int pid)
        {
            Volatile.Write(ref _pid, pid);
            DropClientEnds();
        }

        /// <summary>Nothing holds the other ends: the host's reads end and its writes fail at once.</summary>
        public void DidNotStart() => DropClientEnds();

        public void Kill()
        {
            // Until the launcher has answered the status it has not reaped the chain, so the pid is still the chain's.
            // Before the pid is known, the step's processes are reached through the cgroup instead.
            if (Volatile.Read(ref _pid) is > 0 and var pid && !Exit.IsCompleted)
            {
                Native.Kill(pid, Native.SigKill);
            }
        }

        public void Dispose()
        {
            stdin.Dispose();
            stdout.Dispose();
            stderr.Dispose();
        }

        private void DropClientEnds()
        {
            stdin.DisposeLocalCopyOfClientHandle();
            stdout.DisposeLocalCopyOfClientHandle();
            stderr.DisposeLocalCopyOfClientHandle();
        }
    }
}

/// <summary>The launcher of one judge slot: kept across the slot's steps, replaced when it is spent or broken.</summary>
internal sealed class LauncherSlot(Cgroups cgroups, ILogger logger) : IDisposable
{
    private StepLauncher? _current;

    /// <summary>The pid of the slot's launcher, if it has a usable one.</summary>
    public int? CurrentPid => _current is { Usable: true } current ? current.Pid : null;

    /// <summary>The slot's launcher, started if there is none usable; null when one cannot be started here.</summary>
    public StepLauncher? Get()
    {
        if (_current is { Usable: true })
        {
            return _current;
        }

        _current?.Dispose();
        _current = null;
        try
        {
            _current = StepLauncher.Start(cgroups, logger);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            logger.LogWarning("No step launcher for this slot ({Error}); steps join their cgroups themselves.", e.Message);
        }

        return _current;
    }

    public void Dispose()
    {
        _current?.Dispose();
        _current = null;
    }
}

/// <summary>POSIX shell quoting.</summary>
internal static class ShellQuoting
{
    /// <summary>One word, single-quoted: nothing inside is expanded.</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
