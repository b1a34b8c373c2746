using System.Globalization;

namespace Compila.Judge.Sandbox;

/// <summary>
/// cgroup v1 support: which controllers (memory, pids, cpuacct) accept child groups here.
/// Groups are created below the judge's own cgroup in each hierarchy, so the host's limits still apply.
/// </summary>
internal sealed class CgroupV1 : Cgroups
{
    private readonly Dictionary<string, string> _parents;

    private CgroupV1(Dictionary<string, string> parents) => _parents = parents;

    public override bool Memory => _parents.ContainsKey("memory");
    public override bool Pids => _parents.ContainsKey("pids");
    public override bool CpuAcct => _parents.ContainsKey("cpuacct");
    public override bool Any => _parents.Count > 0;

    public override string Describe() => Any ? "cgroup v1: " + string.Join(", ", _parents.Keys.Order()) : "no writable cgroup (rlimits only)";

    /// <summary>Finds the writable controllers by creating and removing a probe group in each.</summary>
    /// <param name="root">The cgroup v1 mount root, e.g. /sys/fs/cgroup.</param>
    /// <param name="enabled">False disables cgroups altogether.</param>
    /// <param name="pids">Use the pids controller too (not needed when a per-run uid makes RLIMIT_NPROC exact).</param>
    public static new CgroupV1 Probe(string root, bool enabled, bool pids = true)
    {
        var parents = new Dictionary<string, string>();
        if (!enabled || !Directory.Exists(root))
        {
            return new CgroupV1(parents);
        }

        var own = ReadOwnCgroups();
        foreach (var controller in new[] { "memory", "pids", "cpuacct" })
        {
            if (controller == "pids" && !pids)
            {
                continue;
            }

            var hierarchy = Path.Combine(root, controller);
            if (!Directory.Exists(hierarchy) || File.Exists(Path.Combine(root, "cgroup.controllers")))
            {
                continue;
            }

            var ownPath = own.TryGetValue(controller, out var p) ? p.TrimStart('/') : "";
            var parent = Path.Combine(hierarchy, ownPath, "compila-judge");
            try
            {
                Directory.CreateDirectory(parent);
                var probe = Path.Combine(parent, "probe-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(probe);
                var ok = File.Exists(Path.Combine(probe, "cgroup.procs"));
                Directory.Delete(probe);
                if (ok)
                {
                    parents[controller] = parent;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not writable here: this controller is simply not used.
            }
        }

        return new CgroupV1(parents);
    }

    private static Dictionary<string, string> ReadOwnCgroups()
    {
        var result = new Dictionary<string, string>();
        try
        {
            foreach (var line in File.ReadAllLines("/proc/self/cgroup"))
            {
                var parts = line.Split(':', 3);
                if (parts.Length != 3)
                {
                    continue;
                }

                foreach (var controller in parts[1].Split(','))
                {
                    result[controller] = parts[2];
                }
            }
        }
        catch (IOException)
        {
            // No /proc/self/cgroup: groups go under the hierarchy root.
        }

        return result;
    }

    public override void SweepStale(TimeSpan age)
    {
        foreach (var parent in _parents.Values)
        {
            SweepStale(parent, age);
        }
    }

    /// <summary>Creates the groups of one sandboxed step (or of a slot's launcher) with its limits.</summary>
    public override CgroupSet Create(string name, long memoryBytes, int maxProcesses)
    {
        var set = new CgroupV1Set();
        foreach (var (controller, parent) in _parents)
        {
            var path = Path.Combine(parent, name);
            Directory.CreateDirectory(path);
            set.Groups[controller] = path;
        }

        set.SetLimits(memoryBytes, maxProcesses);
        return set;
    }

}

/// <summary>The groups of one step or launcher on cgroup v1: one per controller hierarchy.</summary>
internal sealed class CgroupV1Set : CgroupSet
{
    private long _oomKillsBefore;
    private long _memoryBefore;
    private (long MemoryBytes, int MaxProcesses)? _limits;

    public Dictionary<string, string> Groups { get; } = [];

    public override IReadOnlyDictionary<string, string> Paths => Groups;

    /// <summary>Sets the memory limit (swap included where accounted) and the process limit, unless already set.</summary>
    public override void SetLimits(long memoryBytes, int maxProcesses)
    {
        if (_limits == (memoryBytes, maxProcesses))
        {
            return;
        }

        if (Paths.TryGetValue("memory", out var memory))
        {
            // Without swap accounting the file is absent; with it, swap must not extend the limit. The kernel refuses a
            // memory limit above the memory+swap one, so the order depends on whether the limit goes up or down.
            var memsw = Path.Combine(memory, "memory.memsw.limit_in_bytes");
            if (!File.Exists(memsw))
            {
                Write(memory, "memory.limit_in_bytes", memoryBytes);
            }
            else if (_limits is { } previous && memoryBytes > previous.MemoryBytes)
            {
                Write(memory, "memory.memsw.limit_in_bytes", memoryBytes);
                Write(memory, "memory.limit_in_bytes", memoryBytes);
            }
            else
            {
                Write(memory, "memory.limit_in_bytes", memoryBytes);
                Write(memory, "memory.memsw.limit_in_bytes", memoryBytes);
            }
        }

        if (Paths.TryGetValue("pids", out var pids))
        {
            Write(pids, "pids.max", maxProcesses);
        }

        _limits = (memoryBytes, maxProcesses);
    }

    /// <summary>
    /// Starts a new step in groups that already served others: CPU time, peak memory and the failure count start
    /// again, and the OOM kills and the memory already charged (the launcher itself, page cache of earlier steps)
    /// become the baselines the step's figures are measured from.
    /// </summary>
    public override void StartStep()
    {
        if (Paths.TryGetValue("cpuacct", out var cpu))
        {
            Write(cpu, "cpuacct.usage", 0);
        }

        if (Paths.TryGetValue("memory", out var memory))
        {
            Write(memory, "memory.max_usage_in_bytes", 0);
            Write(memory, "memory.failcnt", 0);
            _oomKillsBefore = OomKills ?? 0;
            _memoryBefore = MemoryUsageBytes ?? 0;
        }
    }

    public override long? MemoryUsageBytes => ReadLong("memory", "memory.usage_in_bytes");

    public override long? CpuUsageNanoseconds => ReadLong("cpuacct", "cpuacct.usage");

    public override long? PeakMemoryBytes =>
        ReadLong("memory", "memory.max_usage_in_bytes") is { } peak ? Math.Max(0, peak - _memoryBefore) : null;

    /// <summary>Whether the kernel's OOM killer acted in this group during the step (on old kernels: the limit was hit).</summary>
    public override bool OomKilled =>
        Paths.ContainsKey("memory") && (OomKills is { } kills ? kills > _oomKillsBefore : (ReadLong("memory", "memory.failcnt") ?? 0) > 0);

    private long? OomKills
    {
        get
        {
            if (!Paths.TryGetValue("memory", out var memory))
            {
                return null;
            }

            try
            {
                foreach (var line in File.ReadAllLines(Path.Combine(memory, "memory.oom_control")))
                {
                    if (line.StartsWith("oom_kill ", StringComparison.Ordinal))
                    {
                        return long.Parse(line.AsSpan(9), CultureInfo.InvariantCulture);
                    }
                }
            }
            catch (IOException)
            {
                return null;
            }

            return null;
        }
    }

    private long? ReadLong(string controller, string file)
    {
        if (!Paths.TryGetValue(controller, out var dir))
        {
            return null;
        }

        return ReadLong(Path.Combine(dir, file));
    }
}
