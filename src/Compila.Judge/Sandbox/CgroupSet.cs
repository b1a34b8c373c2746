using System.Globalization;

namespace Compila.Judge.Sandbox;

/// <summary>
/// The groups of one step (joined by its first process, emptied and removed at its end), or of a slot's launcher
/// (kept across steps: limits and counters are reset before each one).
/// </summary>
internal abstract class CgroupSet
{
    /// <summary>The group folders: one per controller hierarchy on cgroup v1, a single one on cgroup v2.</summary>
    public abstract IReadOnlyDictionary<string, string> Paths { get; }

    /// <summary>Sets the memory limit (swap excluded) and the process limit, unless already set.</summary>
    public abstract void SetLimits(long memoryBytes, int maxProcesses);

    /// <summary>
    /// Starts a new step in groups that already served others: CPU time, peak memory and OOM kills are measured
    /// from here on, and the memory already charged (the launcher itself, page cache of earlier steps) becomes the
    /// baseline the step's peak is measured from.
    /// </summary>
    public abstract void StartStep();

    /// <summary>Called every poll (25 ms) while a step runs; backends that measure by polling take their sample.</summary>
    public virtual void Sample()
    {
    }

    public abstract long? MemoryUsageBytes { get; }

    /// <summary>The files a process id is written to for it to join the groups.</summary>
    public IEnumerable<string> ProcsFiles => Paths.Values.Select(p => Path.Combine(p, "cgroup.procs"));

    public abstract long? CpuUsageNanoseconds { get; }

    public abstract long? PeakMemoryBytes { get; }

    /// <summary>Whether the kernel's OOM killer acted in this group during the step.</summary>
    public abstract bool OomKilled { get; }

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

    /// <summary>Sends SIGKILL to every member but <paramref name="spare"/> (a slot's launcher).</summary>
    public virtual void KillMembers(int? spare = null)
    {
        foreach (var pid in Members())
        {
            if (pid != spare)
            {
                Native.Kill(pid, Native.SigKill);
            }
        }
    }

    /// <summary>Kills every member but <paramref name="spare"/> until none is left; false if one survived 5 s of SIGKILLs.</summary>
    public async Task<bool> KillMembersUntilGoneAsync(int? spare = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Members().Any(pid => pid != spare))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            KillMembers(spare);
            await Task.Delay(10).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>
    /// Kills every member until the groups are empty (false if a process survived 5 s of SIGKILLs), then removes
    /// the empty groups in the background: rmdir can answer EBUSY for a few milliseconds after the last exit,
    /// and the run's result need not wait for that.
    /// </summary>
    public async Task<bool> KillAllAndRemoveAsync()
    {
        if (!await KillMembersUntilGoneAsync().ConfigureAwait(false))
        {
            return false;
        }

        Release();
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

    /// <summary>Closes what the set holds open in its groups, before they are removed.</summary>
    protected virtual void Release()
    {
    }

    protected static void Write(string dir, string file, long value) =>
        File.WriteAllText(Path.Combine(dir, file), value.ToString(CultureInfo.InvariantCulture));

    protected static long? ReadLong(string path)
    {
        try
        {
            return long.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            return null;
        }
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
}
