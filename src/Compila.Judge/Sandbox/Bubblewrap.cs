using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Compila.Judge.Sandbox;

/// <summary>
/// Runs one step inside bubblewrap. The outer chain is
/// <c>dash (rlimits, joins the step's cgroups) → setpriv (unprivileged host uid, root host only) → bwrap → command</c>,
/// each an exec of the previous one, so killing the one process we started tears the whole sandbox down
/// (bwrap's pid-namespace init dies with its parent, and the kernel kills every process of the namespace).
/// </summary>
internal sealed class Bubblewrap(string bwrapPath, Cgroups cgroups, ILogger logger, string? seccompFile = null)
{
    public const string BoxDir = "/box";

    /// <summary>The first process of every step: Debian's dash (essential), whose ulimit flags the chain relies on.</summary>
    public const string Shell = "/bin/dash";

    // (After the ulimits) joins the cgroups named before "--", opens the seccomp program on fd 3 when one follows,
    // then execs the rest.
    private const string JoinCgroupsScript =
        "unset PWD; while [ \"$1\" != \"--\" ]; do echo $$ > \"$1\" || exit 126; shift; done; shift; "
        + "if [ \"$1\" = \"--seccomp-file\" ]; then exec 3< \"$2\" || exit 126; shift 2; fi; exec \"$@\"";

    private const string SeccompFd = "3";

    /// <summary>Processes counted on top of the program's limit: bubblewrap's outer process, its namespace's init, one more.</summary>
    private const int ChainProcesses = 3;

    /// <summary>
    /// What a launcher's groups may keep charged after a step (page cache first read by its steps stays charged to
    /// the group that read it) before the launcher is replaced and the charges move to the parent group.
    /// </summary>
    private const long LauncherLeftoverBytes = 32L * 1024 * 1024;

    /// <summary>How the chain's own tools begin their errors (the step never ran).</summary>
    private static readonly string[] SandboxErrorPrefixes = ["bwrap: ", "ulimit: ", "setpriv: ", "sh: ", Shell + ": ", "timeout: failed to run command"];

    private static readonly string[] HostLinks = ["/lib", "/lib64", "/bin", "/sbin"];

    /// <summary>
    /// The sandbox's pid 1: coreutils' <c>timeout</c> with no duration, which forks the command, waits for it and exits
    /// with its status (128 + signal when it was killed, as bubblewrap's own init reported), printing nothing.
    /// bubblewrap's init would be a fork of bubblewrap, whose command line (the whole bwrap argv, with the host's
    /// paths) any sandboxed process can read in <c>/proc/1/cmdline</c>. The command itself is not pid 1: the kernel
    /// ignores default-action signals sent to a namespace's init, which would swallow SIGXFSZ, SIGABRT and the rest.
    /// (dash would do, but it reports a child's death by signal on stderr.)
    /// </summary>
    public const string InitPath = "/usr/bin/timeout";

    private static readonly string[] Init = [InitPath, "0"];

    /// <summary>Host-local software and site configuration (npmrc, pip.conf...): an empty read-only tmpfs inside.</summary>
    public const string HostLocal = "/usr/local";

    public string BwrapPath => bwrapPath;
    public Cgroups Cgroups => cgroups;
    public bool Seccomp => seccompFile is not null;

    /// <summary>The arguments of bubblewrap itself (after its path), for one step.</summary>
    public static List<string> BwrapArguments(SandboxStep step, bool seccomp = false)
    {
        var a = new List<string>
        {
            "--unshare-all", "--unshare-user", "--unshare-cgroup",
            // No nested user namespaces: learner code never gets a namespace where it is "root".
            "--disable-userns", "--assert-userns-disabled",
            "--die-with-parent", "--new-session",
            "--uid", "65534", "--gid", "65534",
            "--hostname", "sandbox",
            "--cap-drop", "ALL",
            "--clearenv",
        };
        foreach (var (key, value) in step.Environment)
        {
            a.AddRange(["--setenv", key, value]);
        }

        a.AddRange(["--ro-bind", "/usr", "/usr"]);
        a.AddRange(["--size", "4096", "--tmpfs", HostLocal]);
        foreach (var link in HostLinks)
        {
            var info = new FileInfo(link);
            if (info.LinkTarget is { } target)
            {
                a.AddRange(["--symlink", target, link]);
            }
            else if (Directory.Exists(link))
            {
                a.AddRange(["--ro-bind", link, link]);
            }
        }

        foreach (var etc in new[] { "/etc/alternatives", "/etc/ld.so.cache", "/etc/localtime" })
        {
            a.AddRange(["--ro-bind-try", etc, etc]);
        }

        foreach (var bind in step.Binds)
        {
            a.AddRange(["--ro-bind", bind.Source, bind.Target]);
        }

        var tmpBytes = (step.TmpMegabytes * 1024L * 1024L).ToString(CultureInfo.InvariantCulture);
        a.AddRange(["--proc", "/proc", "--dev", "/dev"]);
        a.AddRange(["--size", tmpBytes, "--tmpfs", "/tmp"]);
        a.AddRange(["--size", "1048576", "--tmpfs", "/dev/shm"]);
        a.AddRange([step.WorkWritable ? "--bind" : "--ro-bind", step.HostWorkDir, BoxDir]);
        // After the binds, which may put a runtime that lives in /usr/local back on the tmpfs.
        a.AddRange(["--remount-ro", HostLocal]);
        a.AddRange(["--remount-ro", "/"]);
        a.AddRange(["--chdir", BoxDir]);
        if (seccomp)
        {
            a.AddRange(["--seccomp", SeccompFd]);
        }

        a.AddRange(["--as-pid-1", "--"]);
        a.AddRange(Init);
        a.AddRange(step.Command);
        return a;
    }

    /// <summary>The whole argv of the process the host starts (cgroup join, rlimits, uid switch, bubblewrap).</summary>
    public List<string> OuterArguments(SandboxStep step, CgroupSet? groups)
    {
        var argv = new List<string> { Shell, "-c", LimitsScript(step) + JoinCgroupsScript, "sh" };
        if (groups is not null)
        {
            argv.AddRange(groups.ProcsFiles);
        }

        argv.Add("--");
        if (seccompFile is not null)
        {
            argv.AddRange(["--seccomp-file", seccompFile]);
        }

        argv.AddRange(ChainArguments(step));
        return argv;
    }

    /// <summary>
    /// The shell code a slot's launcher forks for one step: rlimits, seccomp program, then bubblewrap (the launcher
    /// already runs as the slot's uid, so no setpriv).
    /// </summary>
    public string LauncherScript(SandboxStep step)
    {
        // RLIMIT_NPROC also counts the launcher, which runs as the same uid.
        var script = new StringBuilder(LimitsScript(step, extraProcesses: 1));
        if (seccompFile is not null)
        {
            script.Append(CultureInfo.InvariantCulture, $"exec {SeccompFd}< {ShellQuoting.Quote(seccompFile)} || exit 126; ");
        }

        // The launcher's PWD would otherwise be exported to bubblewrap and the sandbox's pid 1.
        script.Append("unset PWD; exec");
        foreach (var arg in ChainArguments(step with { HostUid = null }))
        {
            script.Append(' ').Append(ShellQuoting.Quote(arg));
        }

        return script.ToString();
    }

    private string LimitsScript(SandboxStep step, int extraProcesses = 0)
    {
        var l = step.Limits;
        // With cpuacct the judge stops the step at its limit (summed over every process); RLIMIT_CPU, which counts
        // per process in ticks and can fire early, is then only a backstop one second later.
        var cpuSoft = (long)Math.Ceiling(l.CpuTimeSeconds) + (cgroups.CpuAcct ? 1 : 0);
        // The rlimits are set by the shell itself (dash's ulimit builtin), which saves an exec of prlimit per step.
        // dash counts RLIMIT_FSIZE in 512-byte blocks and RLIMIT_AS in kilobytes, names RLIMIT_NPROC -p, and sets both
        // soft and hard limits unless told -S or -H (soft first: a hard limit below the soft one is refused).
        var limits = new StringBuilder();
        // Untrusted code is the OOM killer's first choice, in its own group (never a slot's launcher) and machine-wide.
        // Raising the score needs no privilege.
        limits.Append("echo 1000 > /proc/self/oom_score_adj || exit 126; ");
        limits.Append(CultureInfo.InvariantCulture, $"ulimit -S -t {cpuSoft} || exit 126; ulimit -H -t {cpuSoft + 1} || exit 126; ");
        limits.Append(CultureInfo.InvariantCulture, $"ulimit -f {l.MaxFileSizeKilobytes * 2L} || exit 126; ulimit -n {l.MaxOpenFiles} || exit 126; ulimit -c 0 || exit 126; ");
        if (step.HostUid is not null)
        {
            // A per-slot host uid: RLIMIT_NPROC then counts only this run's processes (and the bwrap chain's).
            limits.Append(CultureInfo.InvariantCulture, $"ulimit -p {l.MaxProcesses + ChainProcesses + extraProcesses} || exit 126; ");
        }

        if (!cgroups.Memory && step.AddressSpaceLimitAllowed)
        {
            limits.Append(CultureInfo.InvariantCulture, $"ulimit -v {l.MemoryBytes / 1024} || exit 126; ");
        }

        return limits.ToString();
    }

    /// <summary>setpriv (to the slot's host uid) and bubblewrap with its arguments.</summary>
    private List<string> ChainArguments(SandboxStep step)
    {
        var argv = new List<string>();
        if (step.HostUid is { } uid)
        {
            argv.AddRange(["/usr/bin/setpriv", $"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--"]);
        }

        argv.Add(bwrapPath);
        argv.AddRange(BwrapArguments(step, Seccomp));
        return argv;
    }

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
        if (cgroups.Any)
        {
            groups = cgroups.Create(Guid.NewGuid().ToString("N"), l.MemoryBytes, l.MaxProcesses + ChainProcesses);
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
            launcher.Groups.SetLimits(step.Limits.MemoryBytes, step.Limits.MaxProcesses + ChainProcesses + 1);
            launcher.Groups.StartStep();
            launched = await launcher.LaunchAsync(LauncherScript(step)).ConfigureAwait(false);
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
            FileName = Shell,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // dash exports its working directory as PWD, which would reach the sandbox's pid 1: a neutral one.
            WorkingDirectory = "/",
        };
        var argv = OuterArguments(step, groups);
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
