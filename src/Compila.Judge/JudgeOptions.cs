namespace Compila.Judge;

/// <summary>
/// Judge configuration, bound from the <c>Compila:Judge</c> configuration section.
/// Every limit has a default (used when a request says nothing) and a maximum (a request above it is rejected).
/// </summary>
public sealed class JudgeOptions
{
    public const string SectionName = "Compila:Judge";

    /// <summary>The bubblewrap executable. Nothing runs when it is missing or broken.</summary>
    public string BubblewrapPath { get; set; } = "/usr/bin/bwrap";

    /// <summary>
    /// Folder holding the project's judge tools (<c>tools/judge</c>: the TypeScript compiler in node_modules).
    /// When empty, the judge looks for <c>tools/judge</c> in the app's folder and its parents.
    /// </summary>
    public string? ToolsDirectory { get; set; }

    /// <summary>Host folder under which each run gets a fresh, private work folder (deleted after the run).</summary>
    public string WorkRoot { get; set; } = Path.Combine(Path.GetTempPath(), "compila-judge");

    /// <summary>
    /// Mount a tmpfs of the judge's own under <see cref="WorkRoot"/> for run folders and everything sandboxes bind
    /// from, when the work root is no file system of its own and the judge may mount (root with CAP_SYS_ADMIN), so no
    /// host path shows in a sandbox's <c>/proc/self/mountinfo</c>. False keeps them on the work root's file system.
    /// </summary>
    public bool MountWorkFileSystem { get; set; } = true;

    /// <summary>Size of that tmpfs in megabytes; 0 sizes it for every slot's compile memory limit plus 512 MB.</summary>
    public int WorkFileSystemMegabytes { get; set; }

    /// <summary>Runs executing at once; 0 means the number of cores.</summary>
    public int PoolSize { get; set; }

    /// <summary>Requests allowed to wait for a free worker; one more is refused with <see cref="JudgeBusyException"/>.</summary>
    public int QueueCapacity { get; set; } = 64;

    /// <summary>The Retry-After suggested when the queue is full.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Probed at start-up: a cgroup2 mount point (cgroup v2, the judge's own group delegated to it), else the folder
    /// of the cgroup v1 hierarchies (<c>memory</c>, <c>pids</c>, <c>cpuacct</c>).
    /// </summary>
    public string CgroupRoot { get; set; } = "/sys/fs/cgroup";

    /// <summary>Use cgroups when they are writable; false forces the rlimit-only fallback.</summary>
    public bool UseCgroups { get; set; } = true;

    /// <summary>
    /// Install a seccomp filter in every sandbox (x86-64 only; see <c>Sandbox/SeccompFilter</c>): kernel interfaces no
    /// judged program needs (io_uring, keyrings, ptrace, bpf, perf events…) are refused.
    /// </summary>
    public bool UseSeccomp { get; set; } = true;

    /// <summary>
    /// Compile on a warm compile server where a language has one (C#: Roslyn kept loaded in its own long-lived
    /// sandbox, recycled every 500 compiles or after any failure); false compiles every time in a fresh step.
    /// </summary>
    public bool UseCompileServers { get; set; } = true;

    /// <summary>
    /// Fork each worker slot's steps from a launcher shell that lives in the slot's cgroups, so a step is born in its
    /// groups instead of joining them (a cgroup v1 join waits out an RCU grace period, 8–11 ms, when none happened
    /// recently). Compile steps always start directly: what they write would stay charged to the launcher's group.
    /// False starts every step directly, in fresh groups it joins itself. Only with writable cgroups.
    /// </summary>
    public bool UseStepLaunchers { get; set; } = true;

    /// <summary>
    /// Also use the <c>pids</c> controller (cgroup v1 or v2). Off by default when the host runs as root: each worker slot then
    /// has its own host uid, so RLIMIT_NPROC already caps exactly that run's processes and threads, and every cgroup
    /// join costs 2–3 ms of sandbox start-up. Without root (no per-slot uid) the pids controller is used when writable.
    /// </summary>
    public bool UsePidsCgroup { get; set; }

    /// <summary>
    /// When the host runs as root, each worker slot runs its sandbox as its own host uid, the first free ones at or
    /// above this value (claimed machine-wide with lock files): never root, and a per-slot uid so RLIMIT_NPROC counts
    /// only that run's processes.
    /// </summary>
    public int SandboxUidBase { get; set; } = 100000;

    /// <summary>Size of the private <c>/tmp</c> tmpfs of a run step, in megabytes.</summary>
    public int TmpSizeMegabytes { get; set; } = 64;

    /// <summary>Defaults for the run step of every language.</summary>
    public LimitValues RunDefaults { get; set; } = new();

    /// <summary>Maxima for the run step of every language.</summary>
    public LimitValues RunMaxima { get; set; } = new()
    {
        CpuTimeSeconds = 15, WallTimeSeconds = 20, MemoryMegabytes = 512, MaxProcesses = 120,
        MaxFileSizeKilobytes = 4096, MaxOutputKilobytes = 4096, MaxOpenFiles = 256,
    };

    /// <summary>Limits of the compile step (never overridden by a request).</summary>
    public LimitValues CompileLimits { get; set; } = new()
    {
        CpuTimeSeconds = 20, WallTimeSeconds = 30, MemoryMegabytes = 768, MaxProcesses = 128,
        MaxFileSizeKilobytes = 65536, MaxOutputKilobytes = 64, MaxOpenFiles = 1024,
    };

    /// <summary>Per-language overrides, keyed by language id (python, javascript, typescript, java, go, csharp).</summary>
    public Dictionary<string, LanguageOptions> Languages { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One set of limits. In <see cref="LanguageOptions"/> a null member keeps the global value.</summary>
public sealed class LimitValues
{
    public double CpuTimeSeconds { get; set; } = 5;
    public double WallTimeSeconds { get; set; } = 10;
    public int MemoryMegabytes { get; set; } = 128;
    public int MaxProcesses { get; set; } = 60;
    public int MaxFileSizeKilobytes { get; set; } = 1024;
    public int MaxOutputKilobytes { get; set; } = 1024;
    public int MaxOpenFiles { get; set; } = 64;
}

/// <summary>Partial limits for a language; null members keep the global value.</summary>
public sealed class LimitOverrides
{
    public double? CpuTimeSeconds { get; set; }
    public double? WallTimeSeconds { get; set; }
    public int? MemoryMegabytes { get; set; }
    public int? MaxProcesses { get; set; }
    public int? MaxFileSizeKilobytes { get; set; }
    public int? MaxOutputKilobytes { get; set; }
    public int? MaxOpenFiles { get; set; }
}

/// <summary>Settings of one language.</summary>
public sealed class LanguageOptions
{
    /// <summary>False hides nothing but makes the language unavailable.</summary>
    public bool Enabled { get; set; } = true;
    public LimitOverrides? RunDefaults { get; set; }
    public LimitOverrides? RunMaxima { get; set; }
    public LimitOverrides? CompileLimits { get; set; }
}
