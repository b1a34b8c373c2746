using System.Diagnostics;
using System.Globalization;
using Compila.Judge.Sandbox;

namespace Compila.Judge.Tests.Sandbox;

/// <summary>
/// cgroup v2 against a fake tree with the kernel's file layout (the exact values written and read), and against the
/// real cgroup2 mount of this machine, which has no controllers (cgroup v1 holds them): the probe must say so and
/// fall back, while the core files (cgroup.procs, cgroup.kill, cpu.stat) work for real.
/// </summary>
public sealed class CgroupV2Tests : IDisposable
{
    private const long Mib = 1024 * 1024;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cgroup2-fake-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Probe_WhenRootHasNoCgroupControllersFile_ChoosesV1()
    {
        Directory.CreateDirectory(_root);

        var cgroups = Cgroups.Probe(_root, enabled: true);

        Assert.IsType<CgroupV1>(cgroups);
        Assert.Equal("no writable cgroup (rlimits only)", cgroups.Describe());
    }

    [Fact]
    public void Probe_WhenRootIsCgroup2_ChoosesV2()
    {
        Fake("", ("cgroup.controllers", "memory"), ("cgroup.subtree_control", ""));

        Assert.IsType<CgroupV2>(Cgroups.Probe(_root, enabled: true));
        Assert.False(Cgroups.Probe(_root, enabled: false).Any);
    }

    [Fact]
    public void Probe_DelegatedGroup_MovesTheJudgeIntoItsLeaf_AndEnablesTheControllers()
    {
        var own = Fake("system.slice/compila.service",
            ("cgroup.controllers", "memory"), ("cgroup.subtree_control", ""), ("cgroup.type", "domain"), ("cgroup.procs", "4242\n"));

        var cgroups = CgroupV2.Probe(_root, pids: false, "0::/system.slice/compila.service\n", pid: 4242);

        Assert.True(cgroups.Any);
        Assert.Equal("cgroup v2: memory", cgroups.Describe());
        Assert.True(cgroups.Memory);
        Assert.False(cgroups.Pids);
        Assert.True(cgroups.CpuAcct);
        Assert.Equal("4242", File.ReadAllText(Path.Combine(own, "compila-judge/host/cgroup.procs")));
        Assert.Equal("+memory", File.ReadAllText(Path.Combine(own, "cgroup.subtree_control")));
        Assert.Equal("+memory", File.ReadAllText(Path.Combine(own, "compila-judge/cgroup.subtree_control")));
        Assert.Equal(Path.Combine(own, "compila-judge"), cgroups.Parent);
    }

    [Fact]
    public void Probe_OnlyAsksForTheControllersItUses_AndKeepsThoseAlreadyEnabled()
    {
        var own = Fake("kubepods/pod1/ctr",
            ("cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc"), ("cgroup.subtree_control", "cpu memory pids"),
            ("cgroup.type", "domain"));

        var cgroups = CgroupV2.Probe(_root, pids: true, "0::/kubepods/pod1/ctr\n", pid: 7);

        Assert.Equal("cgroup v2: memory, pids, cpu", cgroups.Describe());
        Assert.Equal(["cpu", "memory", "pids"], ((CgroupV2)cgroups).Controllers.Order());
        Assert.Equal("cpu memory pids", File.ReadAllText(Path.Combine(own, "cgroup.subtree_control")));
        // One write per controller (a refusal of one must not cost the others): the last one is left in the fake file.
        Assert.Equal("+cpu", File.ReadAllText(Path.Combine(own, "compila-judge/cgroup.subtree_control")));
    }

    [Fact]
    public void Probe_AJudgeAlreadyInItsLeaf_DelegatesTheGroupAboveWithoutMovingAgain()
    {
        var own = Fake("svc", ("cgroup.controllers", "memory"), ("cgroup.subtree_control", "memory"), ("cgroup.type", "domain"));
        Directory.CreateDirectory(Path.Combine(own, "compila-judge/host"));

        var cgroups = CgroupV2.Probe(_root, pids: false, "0::/svc/compila-judge/host\n", pid: 7);

        Assert.Equal("cgroup v2: memory", cgroups.Describe());
        Assert.False(File.Exists(Path.Combine(own, "compila-judge/host/cgroup.procs")));
    }

    [Fact]
    public void Probe_TheRootGroup_IsNotLeft()
    {
        Fake("", ("cgroup.controllers", "memory pids"), ("cgroup.subtree_control", ""));

        var cgroups = CgroupV2.Probe(_root, pids: true, "0::/\n", pid: 7);

        Assert.Equal("cgroup v2: memory, pids", cgroups.Describe());
        Assert.False(File.Exists(Path.Combine(_root, "compila-judge/host/cgroup.procs")));
    }

    [Fact]
    public void Probe_WithoutControllers_FallsBackAndSaysWhy_CreatingNothing()
    {
        var own = Fake("svc", ("cgroup.controllers", "hugetlb"), ("cgroup.subtree_control", ""), ("cgroup.type", "domain"));

        var cgroups = CgroupV2.Probe(_root, pids: true, "0::/svc\n", pid: 7);

        Assert.False(cgroups.Any);
        Assert.False(cgroups.Memory);
        Assert.False(cgroups.CpuAcct);
        Assert.Equal(
            $"cgroup v2 at {_root} not usable: no controller available to the judge's group {own} (its cgroup.controllers: hugetlb; "
            + "memory, pids, cpu are bound to cgroup v1 or not delegated) (rlimits only)",
            cgroups.Describe());
        Assert.False(Directory.Exists(Path.Combine(own, "compila-judge")));
    }

    [Fact]
    public void Probe_WhenTheKernelRefusesTheControllers_FallsBackNamingTheProcessesInTheWay()
    {
        var own = Fake("svc", ("cgroup.controllers", "memory"), ("cgroup.type", "domain"), ("cgroup.procs", "1\n"));
        // A folder where the file should be: every write to it fails, as the kernel's EBUSY would.
        Directory.CreateDirectory(Path.Combine(own, "cgroup.subtree_control"));

        var cgroups = CgroupV2.Probe(_root, pids: false, "0::/svc\n", pid: 7);

        Assert.False(cgroups.Any);
        Assert.StartsWith($"cgroup v2 at {_root} not usable: the kernel refused the controllers in {own}/cgroup.subtree_control (memory: ", cgroups.Describe());
        Assert.Contains($"processes 1 live in {own} itself and must move to a leaf first", cgroups.Describe());
    }

    [Fact]
    public void Probe_WhenTheJudgesGroupIsNotInTheMount_FallsBack()
    {
        Fake("", ("cgroup.controllers", "memory"));

        var cgroups = CgroupV2.Probe(_root, pids: false, "0::/elsewhere\n", pid: 7);

        Assert.Equal($"cgroup v2 at {_root} not usable: the judge's own group {_root}/elsewhere is not in this mount (rlimits only)", cgroups.Describe());
        Assert.Equal($"cgroup v2 at {_root} not usable: no cgroup v2 entry in /proc/self/cgroup (rlimits only)",
            CgroupV2.Probe(_root, pids: false, "4:memory:/x\n", pid: 7).Describe());
    }

    [Fact]
    public void SetLimits_WritesMemoryMax_NoSwap_AndPidsMax_ButNotCpuMax()
    {
        var group = FakeGroup(("memory.max", "max"), ("memory.swap.max", "max"), ("pids.max", "max"), ("cpu.max", "max 100000"));

        var set = new CgroupV2Set(group, new HashSet<string> { "memory", "pids", "cpu" });
        set.SetLimits(128 * Mib, 63);

        Assert.Equal("134217728", File.ReadAllText(Path.Combine(group, "memory.max")));
        Assert.Equal("0", File.ReadAllText(Path.Combine(group, "memory.swap.max")));
        Assert.Equal("63", File.ReadAllText(Path.Combine(group, "pids.max")));
        Assert.Equal("max 100000", File.ReadAllText(Path.Combine(group, "cpu.max")));
        Assert.Equal([Path.Combine(group, "cgroup.procs")], set.ProcsFiles);
    }

    [Fact]
    public void SetLimits_WithoutSwapAccountingOrPids_WritesOnlyWhatExists()
    {
        var group = FakeGroup(("memory.max", "max"), ("pids.max", "max"));

        new CgroupV2Set(group, new HashSet<string> { "memory" }).SetLimits(64 * Mib, 16);

        Assert.Equal("67108864", File.ReadAllText(Path.Combine(group, "memory.max")));
        Assert.False(File.Exists(Path.Combine(group, "memory.swap.max")));
        Assert.Equal("max", File.ReadAllText(Path.Combine(group, "pids.max")));
    }

    [Fact]
    public void AFreshGroup_ReportsCpuStat_MemoryPeak_AndOomKillsFromMemoryEvents()
    {
        var group = FakeGroup(
            ("cpu.stat", "usage_usec 2500\nuser_usec 2000\nsystem_usec 500\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n"),
            ("memory.current", "1000\n"), ("memory.peak", "5000\n"),
            ("memory.events", "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\noom_group_kill 0\n"),
            ("cgroup.procs", "10\n11\n"));

        var set = new CgroupV2Set(group, new HashSet<string> { "memory", "cpu" });

        Assert.Equal(2_500_000, set.CpuUsageNanoseconds);
        Assert.Equal(1000, set.MemoryUsageBytes);
        Assert.Equal(5000, set.PeakMemoryBytes);
        Assert.True(set.OomKilled);
        Assert.Equal([10, 11], set.Members());
    }

    [Fact]
    public void ALaunchersGroup_MeasuresEachStepFromItsBaselines_ThroughAResetPeakDescriptor()
    {
        var group = FakeGroup(("cpu.stat", "usage_usec 2500\n"), ("memory.current", "1000\n"), ("memory.peak", "5000\n"),
            ("memory.events", "oom 1\noom_kill 1\n"));
        var set = new CgroupV2Set(group, new HashSet<string> { "memory" });

        set.StartStep();
        Assert.StartsWith("reset", File.ReadAllText(Path.Combine(group, "memory.peak")), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(group, "cpu.stat"), "usage_usec 4000\n");
        File.WriteAllText(Path.Combine(group, "memory.peak"), "90000\n");

        Assert.Equal(1_500_000, set.CpuUsageNanoseconds);
        Assert.Equal(89_000, set.PeakMemoryBytes);
        Assert.False(set.OomKilled);
        File.WriteAllText(Path.Combine(group, "memory.events"), "oom 2\noom_kill 2\n");
        Assert.True(set.OomKilled);
    }

    [Fact]
    public void WithoutMemoryPeak_ThePeakIsPolledFromMemoryCurrent()
    {
        var group = FakeGroup(("memory.current", "0\n"), ("memory.events", "oom_kill 0\n"));
        var set = new CgroupV2Set(group, new HashSet<string> { "memory" });
        Assert.Null(set.PeakMemoryBytes);

        foreach (var current in new[] { 3000, 7000, 2000 })
        {
            File.WriteAllText(Path.Combine(group, "memory.current"), current.ToString(CultureInfo.InvariantCulture));
            set.Sample();
        }

        Assert.Equal(7000, set.PeakMemoryBytes);
        Assert.False(set.OomKilled);
    }

    [Fact]
    public void WithoutTheMemoryController_NoMemoryFigures()
    {
        var group = FakeGroup(("cpu.stat", "usage_usec 1\n"), ("memory.current", "1000\n"), ("memory.peak", "5000\n"), ("memory.events", "oom_kill 3\n"));
        var set = new CgroupV2Set(group, new HashSet<string>());

        Assert.Null(set.MemoryUsageBytes);
        Assert.Null(set.PeakMemoryBytes);
        Assert.False(set.OomKilled);
        Assert.Equal(1000, set.CpuUsageNanoseconds);
    }

    [Theory]
    [InlineData("usage_usec 12\nuser_usec 10\n", "usage_usec", 12L)]
    [InlineData("usage_usec_total 5\nusage_usec 7\n", "usage_usec", 7L)]
    [InlineData("oom 1\noom_kill 4\noom_group_kill 0\n", "oom_kill", 4L)]
    [InlineData("oom 1\n", "oom_kill", null)]
    [InlineData("oom_kill x\n", "oom_kill", null)]
    public void FlatKeyedFiles_AreParsedByExactKey(string text, string key, long? expected) =>
        Assert.Equal(expected, CgroupV2.FlatKeyed(text, key));

    [Theory]
    [InlineData("0::/system.slice/compila.service\n", "/system.slice/compila.service")]
    [InlineData("12:memory:/x\n1:name=systemd:/y\n0::/\n", "/")]
    [InlineData("4:memory:/x\n", null)]
    [InlineData("0::/gone (deleted)\n", null)]
    public void TheJudgesOwnGroup_IsTheCgroup2Line(string procSelfCgroup, string? expected) =>
        Assert.Equal(expected, CgroupV2.OwnPath(procSelfCgroup));

    /// <summary>This machine's cgroup2 mount (or a fresh one) holds no controller: v2 is detected and not pretended.</summary>
    [Fact]
    public void Probe_OnThisMachinesCgroup2Mount_DetectsV2_AndReportsNoControllers()
    {
        var ownBefore = CgroupV2.OwnPath(File.ReadAllText("/proc/self/cgroup"));
        var mount = Path.Combine(Path.GetTempPath(), "cgroup2-mount-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(mount);
        Assert.Equal(0, Run("/bin/mount", "-t", "cgroup2", "none", mount));
        try
        {
            foreach (var root in new[] { mount, "/sys/fs/cgroup/unified" }.Where(CgroupV2.IsCgroup2Root))
            {
                var available = File.ReadAllText(Path.Combine(root, "cgroup.controllers")).Trim();
                Assert.DoesNotContain("memory", available, StringComparison.Ordinal);

                var cgroups = Cgroups.Probe(root, enabled: true);

                Assert.IsType<CgroupV2>(cgroups);
                Assert.False(cgroups.Any);
                Assert.False(cgroups.Memory);
                Assert.Contains("not usable: no controller available", cgroups.Describe(), StringComparison.Ordinal);
                Assert.EndsWith("(rlimits only)", cgroups.Describe(), StringComparison.Ordinal);
                Assert.False(Directory.Exists(Path.Combine(root, "compila-judge")));
            }

            Assert.Equal(ownBefore, CgroupV2.OwnPath(File.ReadAllText("/proc/self/cgroup")));
        }
        finally
        {
            Run("/bin/umount", mount);
            Directory.Delete(mount);
        }
    }

    /// <summary>
    /// The core of a real cgroup2 group works without any controller: membership through cgroup.procs, CPU time from
    /// cpu.stat, a step's baseline, and cgroup.kill taking every member at once.
    /// </summary>
    [Fact]
    public async Task ARealCgroup2Group_CountsCpu_ListsMembers_AndIsKilledThroughCgroupKill()
    {
        const string unified = "/sys/fs/cgroup/unified";
        Assert.True(CgroupV2.IsCgroup2Root(unified), "this machine mounts cgroup2 at " + unified);
        var group = Path.Combine(unified, "compila-judge-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(group);
        Assert.True(File.Exists(Path.Combine(group, "cgroup.kill")), "cgroup.kill (Linux 5.14+)");
        var set = new CgroupV2Set(group, new HashSet<string>());
        using var busy = Process.Start("/bin/sh", ["-c", "sleep 30 & sleep 30 & while :; do :; done"]);
        try
        {
            File.WriteAllText(set.ProcsFiles.Single(), busy.Id.ToString(CultureInfo.InvariantCulture));
            // The children forked from here on are born in the group. The loop's CPU time grows as fast as a loaded
            // machine lets it: wait for a clear amount rather than for a fixed time.
            for (var i = 0; i < 400 && !(set.CpuUsageNanoseconds > 50_000_000); i++)
            {
                await Task.Delay(25);
            }

            var members = set.Members();
            Assert.Contains(busy.Id, members);
            var before = set.CpuUsageNanoseconds;
            Assert.True(before > 50_000_000, $"cpu {before} ns");
            set.StartStep();
            Assert.True(set.CpuUsageNanoseconds < before, $"cpu after the baseline {set.CpuUsageNanoseconds} ns, before {before} ns");
            Assert.Null(set.PeakMemoryBytes);

            set.KillMembers();

            await busy.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            Assert.True(await set.KillAllAndRemoveAsync());
            Assert.Empty(set.Members());
        }
        finally
        {
            if (!busy.HasExited)
            {
                busy.Kill(entireProcessTree: true);
            }

            for (var i = 0; i < 50 && Directory.Exists(group); i++)
            {
                await Task.Delay(20);
                try
                {
                    Directory.Delete(group);
                }
                catch (IOException)
                {
                    // Busy for a few more milliseconds.
                }
            }
        }

        Assert.False(Directory.Exists(group));
    }

    private static int Run(string file, params string[] args)
    {
        using var process = Process.Start(file, args);
        process.WaitForExit();
        return process.ExitCode;
    }

    private string Fake(string own, params (string Name, string Text)[] files)
    {
        var dir = Path.Combine(_root, own);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(_root, "cgroup.controllers"), File.Exists(Path.Combine(_root, "cgroup.controllers"))
            ? File.ReadAllText(Path.Combine(_root, "cgroup.controllers")) : "cpuset cpu io memory hugetlb pids rdma misc");
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(dir, name), text);
        }

        return dir;
    }

    private string FakeGroup(params (string Name, string Text)[] files) => Fake("compila-judge/step", files);
}
