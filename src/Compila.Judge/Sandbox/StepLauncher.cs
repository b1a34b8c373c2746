using System.Diagnostics;
using System.Globalization;
using System.IO.Pipes;
using Microsoft.Extensions.Logging;

namespace Compila.Judge.Sandbox;

/// <summary>
/// A shell (dash) running as one judge slot's host uid and living in the slot's cgroups, that forks every step of the
/// slot: each step is born in the groups, already unprivileged. Joining a cgroup v1 group instead takes the kernel's
/// <c>cgroup_threadgroup_rwsem</c> for writing, which waits out an RCU grace period (8–11 ms on this kind of machine)
/// whenever no join happened in the last few milliseconds, and switching uid costs an exec of setpriv: together most
/// of the sandbox's overhead.
/// The host sends one command line per step; the shell opens the step's three FIFOs (made by the host in a folder
/// only the slot uid and root can enter), forks the chain (rlimits, bubblewrap) with them as its standard streams,
/// answers its pid, waits for it and answers its exit status. The shell reads nothing else and the sandbox never
/// sees it: the step's streams replace its own before the chain execs, and its saved copies are close-on-exec.
/// </summary>
internal sealed class StepLauncher : IDisposable
{
    /// <summary>Exit status of a step whose launcher died before it could answer.</summary>
    public const int LauncherDied = -1;

    /// <summary>Exit status of a step the launcher did not start (nothing ran; it can run another way).</summary>
    public const int NotStarted = -2;

    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);
    private static readonly string[] FifoNames = ["in-", "out-", "err-"];
    private readonly Process _shell;
    private readonly WorkDirectory _fifos;
    private readonly ILogger _logger;
    private long _steps;
    private bool _broken;

    private StepLauncher(Process shell, CgroupSet groups, WorkDirectory fifos, int uid, ILogger logger)
    {
        _shell = shell;
        _fifos = fifos;
        Uid = uid;
        _logger = logger;
        Groups = groups;
    }

    public CgroupSet Groups { get; }

    public int Pid => _shell.Id;

    /// <summary>The host uid the launcher and its steps run as.</summary>
    public int Uid { get; }

    public bool Usable => !_broken && !_shell.HasExited;

    /// <summary>Starts a launcher as <paramref name="uid"/> in new groups of its own (paying the cgroup join once).</summary>
    public static StepLauncher Start(Cgroups cgroups, int uid, string workRoot, ILogger logger)
    {
        var fifos = WorkDirectory.Create(workRoot, Guid.NewGuid(), uid);
        var groups = cgroups.Create("slot-" + Guid.NewGuid().ToString("N"), 64L * 1024 * 1024, 16);
        var psi = new ProcessStartInfo
        {
            FileName = "/usr/bin/setpriv",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Its shell exports the working directory as PWD to every step: a neutral one, never the host's.
            WorkingDirectory = "/",
        };
        // Killed with the host: then its step's bubblewrap (--die-with-parent) and the sandbox go too. The signal is set
        // after the uid switch, which would clear it.
        foreach (var arg in new[] { $"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--pdeathsig", "KILL", "--", BubblewrapCommand.Shell, "-s" })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment.Clear();
        psi.Environment["PATH"] = "/usr/bin:/bin";
        Native.CloseInheritedDescriptorsOnExec();
        Process shell;
        try
        {
            shell = Process.Start(psi)!;
        }
        catch
        {
            fifos.Dispose();
            _ = groups.KillAllAndRemoveAsync();
            throw;
        }

        var launcher = new StepLauncher(shell, groups, fifos, uid, logger);
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
            launcher.Dispose();
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
        return launcher;
    }

    /// <summary>
    /// Sends the launcher <paramref name="chainScript"/> (shell code ending in an exec) to fork with the step's FIFOs as
    /// its standard streams, and returns at once: the step's clock starts now, and the launcher's answers (the chain's
    /// pid, then its status) are read while it runs.
    /// </summary>
    public async Task<IStepProcess> LaunchAsync(string chainScript)
    {
        // One step at a time per launcher: its slot is held for the step.
        var n = (++_steps).ToString(CultureInfo.InvariantCulture);
        var paths = FifoNames.Select(p => Path.Combine(_fifos.Path, p + n)).ToArray();
        LaunchedStepProcess? step = null;
        try
        {
            foreach (var path in paths)
            {
                Native.MakeFifo(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                Native.Lchown(path, Uid, Uid);
            }

            // The host's ends open first and without waiting: stdin read-write (Linux opens a FIFO so at once), the
            // outputs non-blocking. The launcher's opens then find their other side and do not block either.
            step = new LaunchedStepProcess(paths,
                Native.OpenFifo(paths[0], Native.OpenReadWrite),
                new AnonymousPipeClientStream(PipeDirection.In, Native.OpenFifo(paths[1], Native.OpenReadOnly | Native.OpenNonBlocking)),
                new AnonymousPipeClientStream(PipeDirection.In, Native.OpenFifo(paths[2], Native.OpenReadOnly | Native.OpenNonBlocking)));
            var (stdin, stdout, stderr) = (ShellQuoting.Quote(paths[0]), ShellQuoting.Quote(paths[1]), ShellQuoting.Quote(paths[2]));
            // A non-interactive shell gives an asynchronous list /dev/null as its standard input, so stdin travels on
            // fd 7 and is moved to fd 0 inside.
            var line = $"if {{ ( exec 0<&7 7<&-; {chainScript} ) & }} 7<{stdin} >{stdout} 2>{stderr}; "
                + "then echo \"$!\"; wait \"$!\"; echo \"$?\"; else echo x; fi\n";
            await _shell.StandardInput.WriteAsync(line).ConfigureAwait(false);
            await _shell.StandardInput.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            _broken = true;
            step?.Dispose();
            LaunchedStepProcess.DeleteFifos(paths);
            throw;
        }

        step.Exit = FollowAsync(step);
        return step;
    }

    /// <summary>Retires the launcher when earlier steps left too much charged to its memory group.</summary>
    public void RetireIfSpent(long maxLeftoverBytes)
    {
        if (Groups.MemoryUsageBytes is { } usage && usage > maxLeftoverBytes)
        {
            _broken = true;
        }
    }

    public void MarkBroken() => _broken = true;

    public void Dispose()
    {
        try
        {
            _shell.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        _shell.Dispose();
        _fifos.Dispose();
        _ = Groups.KillAllAndRemoveAsync();
    }

    /// <summary>Reads the launcher's two answers about a step: the chain's pid once forked, its status once ended.</summary>
    private async Task<int> FollowAsync(LaunchedStepProcess step)
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
            // "x": the shell could not open the FIFOs; anything else: it is not answering as it should.
            _broken = true;
            _logger.LogWarning("The step launcher did not start a step (answered '{Answer}').", answer);
            step.DidNotStart();
            return NotStarted;
        }

        try
        {
            step.Connect(pid);
        }
        catch (IOException e)
        {
            _broken = true;
            _logger.LogError("A launched step's stdin could not be opened: {Error}", e.Message);
            step.DidNotStart();
        }

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

}
