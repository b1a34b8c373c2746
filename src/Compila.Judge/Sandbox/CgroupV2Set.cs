using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Compila.Judge.Sandbox;

/// <summary>
/// The group of one step or launcher on cgroup v2: a single folder. Counters cannot be reset there, so a launcher's
/// group keeps baselines per step (CPU time, OOM kills, memory already charged); its peak memory is read through a
/// <c>memory.peak</c> descriptor reset at the step's start (Linux 6.12+), else from <c>memory.current</c> polled
/// while the step runs.
/// </summary>
internal sealed class CgroupV2Set : CgroupSet
{
    private readonly string _dir;
    private readonly IReadOnlySet<string> _controllers;
    private readonly Dictionary<string, string> _paths;
    private (long MemoryBytes, int MaxProcesses)? _limits;
    private long _cpuUsecBefore;
    private long _oomKillsBefore;
    private long _memoryBefore;
    private bool _pollPeak;
    private long? _polledPeak;
    private SafeFileHandle? _peak;

    public CgroupV2Set(string dir, IReadOnlySet<string> controllers)
    {
        _dir = dir;
        _controllers = controllers;
        _paths = new Dictionary<string, string> { ["cgroup2"] = dir };
        // A fresh group's memory.peak covers exactly its step; without the file (Linux < 5.19) the peak is polled.
        _pollPeak = Memory && !File.Exists(In("memory.peak"));
    }

    public override IReadOnlyDictionary<string, string> Paths => _paths;

    private bool Memory => _controllers.Contains("memory");

    /// <summary>
    /// memory.max is the limit; memory.swap.max 0 keeps swap from extending it (v2 counts swap apart from memory,
    /// v1's memsw counted both; the file is absent without swap accounting); pids.max the process limit.
    /// No cpu.max: CPU time is limited by the judge's polling as on v1, and a bandwidth cap would change how
    /// multi-threaded runtimes (JVM, .NET, Go) behave against the wall-time limit.
    /// </summary>
    public override void SetLimits(long memoryBytes, int maxProcesses)
    {
        if (_limits == (memoryBytes, maxProcesses))
        {
            return;
        }

        if (Memory)
        {
            Write(_dir, "memory.max", memoryBytes);
            if (File.Exists(In("memory.swap.max")))
            {
                Write(_dir, "memory.swap.max", 0);
            }
        }

        if (_controllers.Contains("pids"))
        {
            Write(_dir, "pids.max", maxProcesses);
        }

        _limits = (memoryBytes, maxProcesses);
    }

    public override void StartStep()
    {
        _cpuUsecBefore = CpuUsageMicroseconds ?? 0;
        if (!Memory)
        {
            return;
        }

        _oomKillsBefore = OomKills ?? 0;
        _memoryBefore = MemoryUsageBytes ?? 0;
        _polledPeak = null;
        _peak?.Dispose();
        _peak = OpenResetPeak();
        _pollPeak = _peak is null;
    }

    public override void Sample()
    {
        if (_pollPeak && MemoryUsageBytes is { } current && current > (_polledPeak ?? -1))
        {
            _polledPeak = current;
        }
    }

    public override long? MemoryUsageBytes => Memory ? ReadLong(In("memory.current")) : null;

    public override long? CpuUsageNanoseconds => CpuUsageMicroseconds is { } usec ? (usec - _cpuUsecBefore) * 1000 : null;

    /// <summary>Peak memory of the step, less what was charged before it; null when polling caught no sample.</summary>
    public override long? PeakMemoryBytes
    {
        get
        {
            if (!Memory)
            {
                return null;
            }

            var peak = _pollPeak ? _polledPeak : _peak is not null ? ReadPeak(_peak) : ReadLong(In("memory.peak"));
            return peak is { } bytes ? Math.Max(0, bytes - _memoryBefore) : null;
        }
    }

    public override bool OomKilled => Memory && OomKills is { } kills && kills > _oomKillsBefore;

    /// <summary>With nobody to spare, one write to cgroup.kill (Linux 5.14+) kills the whole group at once, fork bombs included.</summary>
    public override void KillMembers(int? spare = null)
    {
        if (spare is null && File.Exists(In("cgroup.kill")))
        {
            try
            {
                File.WriteAllText(In("cgroup.kill"), "1");
                return;
            }
            catch (IOException)
            {
                // Group gone, or the write refused: fall back to signalling the members.
            }
        }

        base.KillMembers(spare);
    }

    protected override void Release()
    {
        _peak?.Dispose();
        _peak = null;
    }

    private long? CpuUsageMicroseconds => ReadFlatKeyed("cpu.stat", "usage_usec");

    private long? OomKills => Memory ? ReadFlatKeyed("memory.events", "oom_kill") : null;

    private string In(string name) => Path.Combine(_dir, name);

    private long? ReadFlatKeyed(string file, string key)
    {
        try
        {
            return CgroupV2.FlatKeyed(File.ReadAllText(In(file)), key);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// memory.peak opened and written to: the kernel then reports, through this descriptor only, the peak since the
    /// write (Linux 6.12+). Older kernels refuse the write (the file is read-only there): null, and the peak is polled.
    /// </summary>
    private SafeFileHandle? OpenResetPeak()
    {
        SafeFileHandle? handle = null;
        try
        {
            handle = File.OpenHandle(In("memory.peak"), FileMode.Open, FileAccess.ReadWrite);
            RandomAccess.Write(handle, "reset\n"u8, 0);
            return handle;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            handle?.Dispose();
            return null;
        }
    }

    private static long? ReadPeak(SafeFileHandle handle)
    {
        try
        {
            var buffer = new byte[32];
            var read = RandomAccess.Read(handle, buffer, 0);
            return long.TryParse(Encoding.ASCII.GetString(buffer, 0, read).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
