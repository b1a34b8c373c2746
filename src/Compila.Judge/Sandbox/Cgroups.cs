using System.Globalization;

namespace Compila.Judge.Sandbox;

/// <summary>
/// cgroup v1 support: which controllers (memory, pids, cpuacct) accept child groups here.
/// Groups are created below the judge's own cgroup in each hierarchy, so the host's limits still apply.
/// </summary>
internal sealed class Cgroups
{
    private readonly Dictionary<string, string> _parents;

    private Cgroups(Dictionary<string, string> parents) => _parents = parents;

    public bool Memory => _parents.ContainsKey("memory");
    public bool Pids => _parents.ContainsKey("pids");
    public bool CpuAcct => _parents.ContainsKey("cpuacct");
    public bool Any => _parents.Count > 0;

    public string Describe() => Any ? "cgroup v1: " + string.Join(", ", _parents.Keys.Order()) : "no writable cgroup (rlimits only)";

    /// <summary>Finds the writable controllers by creating and removing a probe group in each.</summary>
    /// <param name="root">The cgroup v1 mount root, e.g. /sys/fs/cgroup.</param>
    /// <param name="enabled">False disables cgroups altogether.</param>
    /// <param name="pids">Use the pids controller too (not needed when a per-run uid makes RLIMIT_NPROC exact).</param>
    public static Cgroups Probe(string root, bool enabled, bool pids = true)
    {
        var parents = new Dictionary<string, string>();
        if (!enabled || !Directory.Exists(root))
        {
            return new Cgroups(parents);
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

        return new Cgroups(parents);
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

    /// <summary>Creates the groups of one sandboxed step with its limits.</summary>
    public CgroupSet Create(string name, long memoryBytes, int maxProcesses)
    {
        var set = new CgroupSet();
        foreach (var (controller, parent) in _parents)
        {
            var path = Path.Combine(parent, name);
            Directory.CreateDirectory(path);
            set.Paths[controller] = path;
        }

        if (set.Paths.TryGetValue("memory", out var memory))
        {
            Write(memory, "memory.limit_in_bytes", memoryBytes);
            // Without swap accounting the file is absent; with it, swap must not extend the limit.
            if (File.Exists(Path.Combine(memory, "memory.memsw.limit_in_bytes")))
            {
                Write(memory, "memory.memsw.limit_in_bytes", memoryBytes);
            }
        }

        if (set.Paths.TryGetValue("pids", out var pids))
        {
            Write(pids, "pids.max", maxProcesses);
        }

        return set;
    }

    private static void Write(string dir, string file, long value) =>
        File.WriteAllText(Path.Combine(dir, file), value.ToString(CultureInfo.InvariantCulture));
}

/// <summary>The groups of one step: joined by the step's first process, emptied and removed at its end.</summary>
internal sealed class CgroupSet
{
    public Dictionary<string, string> Paths { get; } = [];

    public IEnumerable<string> ProcsFiles => Paths.Values.Select(p => Path.Combine(p, "cgroup.procs"));

    public long? CpuUsageNanoseconds => ReadLong("cpuacct", "cpuacct.usage");

    public long? PeakMemoryBytes => ReadLong("memory", "memory.max_usage_in_bytes");

    /// <summary>Whether the kernel's OOM killer acted in this group (or, on old kernels, the limit was hit).</summary>
    public bool OomKilled
    {
        get
        {
            if (!Paths.TryGetValue("memory", out var memory))
            {
                return false;
            }

            try
            {
                foreach (var line in File.ReadAllLines(Path.Combine(memory, "memory.oom_control")))
                {
                    if (line.StartsWith("oom_kill ", StringComparison.Ordinal))
                    {
                        return long.Parse(line.AsSpan(9), CultureInfo.InvariantCulture) > 0;
                    }
                }
            }
            catch (IOException)
            {
                return false;
            }

            return (ReadLong("memory", "memory.failcnt") ?? 0) > 0;
        }
    }

    /// <summary>Process ids still in the step's groups.</summary>
    public List<int> Members()
    {
        var result = new List<int>();
        foreach (var file in ProcsFiles)
        {
            try
            {
                foreach (var line in File.ReadAllLines(file))
                {
                    if (int.TryParse(line, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
                    {
                        result.Add(pid);
                    }
                }
            }
            catch (IOException)
            {
                // Group already gone.
            }
        }

        return result.Distinct().ToList();
    }

    /// <summary>
    /// Kills every member until the groups are empty (false if a process survived 5 s of SIGKILLs), then removes
    /// the empty groups in the background: rmdir can answer EBUSY for a few milliseconds after the last exit,
    /// and the run's result need not wait for that.
    /// </summary>
    public async Task<bool> KillAllAndRemoveAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            var members = Members();
            if (members.Count == 0)
            {
                break;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            foreach (var pid in members)
            {
                Native.Kill(pid, Native.SigKill);
            }

            await Task.Delay(10).ConfigureAwait(false);
        }

        if (!TryRemoveAll())
        {
            _ = Task.Run(async () =>
            {
                for (var attempt = 0; attempt < 100 && !TryRemoveAll(); attempt++)
                {
                    await Task.Delay(20).ConfigureAwait(false);
                }
            });
        }

        return true;
    }

    private bool TryRemoveAll()
    {
        var all = true;
        foreach (var path in Paths.Values)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path);
                }
            }
            catch (IOException)
            {
                all = false;
            }
        }

        return all;
    }

    private long? ReadLong(string controller, string file)
    {
        if (!Paths.TryGetValue(controller, out var dir))
        {
            return null;
        }

        try
        {
            return long.Parse(File.ReadAllText(Path.Combine(dir, file)).Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            return null;
        }
    }
}
