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
