using System.Globalization;

namespace Compila.Judge.Sandbox;

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
