using System.Globalization;

namespace Compila.Judge.Sandbox;

/// <summary>
/// cgroup v2 support: one hierarchy, with the judge's own group (delegated to it) as the top of its subtree:
/// <code>
/// &lt;own&gt;/                         cgroup.subtree_control += memory pids cpu
///   compila-judge/                 cgroup.subtree_control += memory pids cpu
///     host/                        the judge process itself (a leaf: "no internal processes")
///     &lt;step&gt;, slot-*, server-*    memory.max, memory.swap.max = 0, pids.max
/// </code>
/// A non-root group whose controllers are enabled for its children may hold no process of its own, so the judge
/// moves itself into <c>compila-judge/host</c> before enabling them (the root group, which is exempt, stays as it is).
/// Only the judge's own process is moved: anything else living in its group makes the kernel refuse the
/// controllers (EBUSY), which is reported and leaves the judge on rlimits.
/// </summary>
internal sealed class CgroupV2 : Cgroups
{
    public const string GroupsDirectory = "compila-judge";
    public const string HostLeaf = "host";

    private readonly string? _parent;
    private readonly IReadOnlySet<string> _controllers;
    private readonly string _description;

    private CgroupV2(string? parent, IReadOnlySet<string> controllers, string description)
    {
        _parent = parent;
        _controllers = controllers;
        _description = description;
    }

    /// <summary>The controllers enabled for the step groups (memory, pids, cpu).</summary>
    public IReadOnlySet<string> Controllers => _controllers;

    /// <summary>The folder the step groups are created in; null when v2 is not usable.</summary>
    public string? Parent => _parent;

    public override bool Memory => _controllers.Contains("memory");
    public override bool Pids => _controllers.Contains("pids");

    // cpu.stat's usage_usec is kept by the cgroup core for every group, with or without the cpu controller.
    public override bool CpuAcct => Any;
    public override bool Any => _parent is not null;

    public override string Describe() => _description;

    /// <summary>Whether <paramref name="root"/> is the root of a cgroup2 mount (only there does cgroup.controllers exist at the top).</summary>
    public static bool IsCgroup2Root(string root) => File.Exists(Path.Combine(root, "cgroup.controllers"));

    /// <summary>
    /// Delegates the judge's subtree: finds the judge's own group, checks which of memory, pids and cpu it may hand
    /// down, moves the judge into its leaf when needed and enables the controllers for the step groups.
    /// </summary>
    /// <param name="root">The cgroup2 mount point (the judge's cgroup namespace root is read from /proc/self/cgroup).</param>
    /// <param name="pids">Use the pids controller too.</param>
    /// <param name="procSelfCgroup">The text of /proc/self/cgroup (tests give their own).</param>
    /// <param name="pid">The process moved into the leaf (tests give their own).</param>
    public static CgroupV2 Probe(string root, bool pids, string? procSelfCgroup = null, int? pid = null)
    {
        string[] wanted = pids ? ["memory", "pids", "cpu"] : ["memory", "cpu"];
        if (OwnPath(procSelfCgroup ?? ReadProcSelfCgroup()) is not { } ownPath)
        {
            return Unavailable(root, "no cgroup v2 entry in /proc/self/cgroup");
        }

        // A judge started earlier in this process already moved it into its leaf; the delegated group is above it.
        var suffix = "/" + GroupsDirectory + "/" + HostLeaf;
        var inLeaf = ownPath.EndsWith(suffix, StringComparison.Ordinal);
        if (inLeaf)
        {
            ownPath = ownPath[..^suffix.Length];
        }

        var own = Path.Combine(root, ownPath.TrimStart('/'));
        if (!Directory.Exists(own))
        {
            return Unavailable(root, $"the judge's own group {own} is not in this mount");
        }

        string[] available;
        try
        {
            available = SplitWords(File.ReadAllText(Path.Combine(own, "cgroup.controllers")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unavailable(root, $"cannot read {own}/cgroup.controllers: {e.Message}");
        }

        var usable = wanted.Where(available.Contains).ToList();
        if (usable.Count == 0)
        {
            var listed = available.Length == 0 ? "none" : string.Join(' ', available);
            return Unavailable(root,
                $"no controller available to the judge's group {own} (its cgroup.controllers: {listed}; "
                + $"{string.Join(", ", wanted)} are bound to cgroup v1 or not delegated)");
        }

        var parent = Path.Combine(own, GroupsDirectory);
        var enabled = new List<string>();
        var refused = new List<string>();
        try
        {
            Directory.CreateDirectory(parent);
            var host = Path.Combine(parent, HostLeaf);
            Directory.CreateDirectory(host);
            // Only the real root lacks cgroup.type, and only it may hold processes while handing controllers down.
            if (!inLeaf && File.Exists(Path.Combine(own, "cgroup.type")))
            {
                File.WriteAllText(Path.Combine(host, "cgroup.procs"), (pid ?? Environment.ProcessId).ToString(CultureInfo.InvariantCulture));
            }

            foreach (var controller in usable)
            {
                if ((Enable(own, controller) ?? Enable(parent, controller)) is { } error)
                {
                    refused.Add($"{controller}: {error}");
                }
                else
                {
                    enabled.Add(controller);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unavailable(root, $"cannot delegate {own} to the judge: {e.Message}");
        }

        var others = OtherMembers(own);
        if (enabled.Count == 0)
        {
            return Unavailable(root, $"the kernel refused the controllers in {own}/cgroup.subtree_control ({string.Join("; ", refused)})"
                + (others.Length > 0 ? $"; processes {string.Join(',', others)} live in {own} itself and must move to a leaf first" : ""));
        }

        var description = "cgroup v2: " + string.Join(", ", enabled) + (refused.Count > 0 ? $" (refused: {string.Join("; ", refused)})" : "");
        return new CgroupV2(parent, enabled.ToHashSet(), description);
    }

    public override void SweepStale(TimeSpan age)
    {
        if (_parent is not null)
        {
            SweepStale(_parent, age, keep: HostLeaf);
        }
    }

    public override CgroupSet Create(string name, long memoryBytes, int maxProcesses)
    {
        var path = Path.Combine(_parent ?? throw new InvalidOperationException("cgroup v2 is not usable here."), name);
        Directory.CreateDirectory(path);
        var set = new CgroupV2Set(path, _controllers);
        set.SetLimits(memoryBytes, maxProcesses);
        return set;
    }

    /// <summary>The path of the process's cgroup v2 group (the <c>0::</c> line), relative to its cgroup namespace root.</summary>
    internal static string? OwnPath(string procSelfCgroup)
    {
        foreach (var line in procSelfCgroup.Split('\n'))
        {
            if (line.StartsWith("0::", StringComparison.Ordinal))
            {
                // A group removed under a process reads "/path (deleted)"; nothing can be created in it.
                var path = line[3..].TrimEnd();
                return path.EndsWith(" (deleted)", StringComparison.Ordinal) ? null : path;
            }
        }

        return null;
    }

    /// <summary>Parses a flat-keyed file (<c>cpu.stat</c>, <c>memory.events</c>): "key value" lines.</summary>
    internal static long? FlatKeyed(string text, string key)
    {
        foreach (var line in text.Split('\n'))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && line.AsSpan(0, space).SequenceEqual(key)
                && long.TryParse(line.AsSpan(space + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The words of a space-separated list such as <c>cgroup.controllers</c> (a "+" of a fake tree's writes is dropped).</summary>
    internal static string[] SplitWords(string text) =>
        text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimStart('+')).ToArray();

    private static CgroupV2 Unavailable(string root, string reason) =>
        new(null, new HashSet<string>(), $"cgroup v2 at {root} not usable: {reason} (rlimits only)");

    /// <summary>Enables a controller for the children of <paramref name="group"/>; the kernel's refusal, or null.</summary>
    private static string? Enable(string group, string controller)
    {
        var file = Path.Combine(group, "cgroup.subtree_control");
        try
        {
            // (The kernel makes the file with the group; only a fake tree may lack it.)
            if (!File.Exists(file) || !SplitWords(File.ReadAllText(file)).Contains(controller))
            {
                File.WriteAllText(file, "+" + controller);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    private static string[] OtherMembers(string group)
    {
        try
        {
            return File.ReadAllLines(Path.Combine(group, "cgroup.procs")).Where(l => l.Length > 0).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string ReadProcSelfCgroup()
    {
        try
        {
            return File.ReadAllText("/proc/self/cgroup");
        }
        catch (IOException)
        {
            return "";
        }
    }
}
