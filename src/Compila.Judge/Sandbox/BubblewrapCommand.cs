using System.Globalization;
using System.Text;

namespace Compila.Judge.Sandbox;

/// <summary>
/// The command line of one step inside bubblewrap. The outer chain is
/// <c>dash (rlimits, joins the step's cgroups) → setpriv (unprivileged host uid, root host only) → bwrap → command</c>,
/// each an exec of the previous one, so killing the one process we started tears the whole sandbox down
/// (bwrap's pid-namespace init dies with its parent, and the kernel kills every process of the namespace).
/// </summary>
internal sealed class BubblewrapCommand(string bwrapPath, Cgroups cgroups, string? seccompFile = null)
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
    public const int ChainProcesses = 3;

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

        // Only what the language's runtime needs (RuntimeViewBuilder): no /usr, /etc or /opt beyond it.
        foreach (var link in step.View.Links)
        {
            a.AddRange(["--symlink", link.Target, link.Path]);
        }

        foreach (var bind in step.View.Binds)
        {
            a.AddRange(["--ro-bind", bind.Source, bind.Target]);
        }

        var tmpBytes = (step.TmpMegabytes * 1024L * 1024L).ToString(CultureInfo.InvariantCulture);
        a.AddRange(["--proc", "/proc", "--dev", "/dev"]);
        a.AddRange(["--size", tmpBytes, "--tmpfs", "/tmp"]);
        a.AddRange(["--size", "1048576", "--tmpfs", "/dev/shm"]);
        a.AddRange([step.WorkWritable ? "--bind" : "--ro-bind", step.HostWorkDir, BoxDir]);
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
}
