namespace Compila.Judge.Sandbox;

/// <summary>
/// The cgroups the judge puts its steps in: cgroup v2 (<see cref="CgroupV2"/>) when the root is a cgroup2 mount,
/// else the cgroup v1 hierarchies (<see cref="CgroupV1"/>) that are writable, else none (rlimits only).
/// Groups are always created below the judge's own cgroup, so the host's limits still apply.
/// </summary>
internal abstract class Cgroups
{
    /// <summary>Memory limit, peak memory and OOM kills per group.</summary>
    public abstract bool Memory { get; }

    /// <summary>A process limit per group.</summary>
    public abstract bool Pids { get; }

    /// <summary>CPU time per group, summed over all its processes.</summary>
    public abstract bool CpuAcct { get; }

    /// <summary>Whether steps get groups at all.</summary>
    public abstract bool Any { get; }

    /// <summary>What is used, for the sandbox's description (shown by /health/ready).</summary>
    public abstract string Describe();

    /// <summary>
    /// Chooses the backend: cgroup v2 when <paramref name="root"/> is a cgroup2 mount (it has <c>cgroup.controllers</c>),
    /// else cgroup v1 with the hierarchies found writable under it.
    /// </summary>
    /// <param name="root">/sys/fs/cgroup, or another cgroup2 mount point, or the folder holding the v1 hierarchies.</param>
    /// <param name="enabled">False disables cgroups altogether.</param>
    /// <param name="pids">Use the pids controller too (not needed when a per-run uid makes RLIMIT_NPROC exact).</param>
    public static Cgroups Probe(string root, bool enabled, bool pids = true) =>
        enabled && CgroupV2.IsCgroup2Root(root) ? CgroupV2.Probe(root, pids) : CgroupV1.Probe(root, enabled, pids);

    /// <summary>
    /// Removes groups older than <paramref name="age"/> that no process uses any more: those of judges that ended
    /// without disposing (a launcher's groups outlive it) or were killed mid-step. rmdir refuses a group with a live
    /// member, so the groups of judges still running elsewhere stay.
    /// </summary>
    public abstract void SweepStale(TimeSpan age);

    /// <summary>Creates the groups of one sandboxed step (or of a slot's launcher) with its limits.</summary>
    public abstract CgroupSet Create(string name, long memoryBytes, int maxProcesses);

    /// <summary>Removes the stale, empty groups directly under <paramref name="parent"/> (but <paramref name="keep"/>).</summary>
    protected static void SweepStale(string parent, TimeSpan age, string? keep = null)
    {
        foreach (var group in Directory.EnumerateDirectories(parent))
        {
            if (keep is not null && Path.GetFileName(group) == keep)
            {
                continue;
            }

            try
            {
                if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(group) >= age)
                {
                    Directory.Delete(group);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use, or gone already.
            }
        }
    }
}
