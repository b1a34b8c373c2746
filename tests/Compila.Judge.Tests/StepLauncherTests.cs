using Compila.Judge.Sandbox;
using Microsoft.Extensions.Options;

namespace Compila.Judge.Tests;

/// <summary>
/// Each worker slot forks its steps from one launcher living in the slot's cgroups. These judges have a single slot,
/// so every step goes through the same launcher: each step must still be measured, limited and cleaned up on its own.
/// </summary>
public sealed class StepLauncherTests
{
    private const string Hello = "print('ok')";

    [Fact]
    public async Task StepsOfOneSlot_ShareItsLauncher_AndAreMeasuredOneByOne()
    {
        using var judge = OneSlotJudge(151000);

        var hog = await Python(judge, "b = bytearray(150 * 1024 * 1024)\nprint(len(b))", memoryMb: 256);
        var launcher = Assert.Single(judge.LauncherPids);
        var afterHog = await Python(judge, Hello);
        var busy = await Python(judge, "n = 0\nfor i in range(6_000_000):\n    n += i\nprint(n)");
        var afterBusy = await Python(judge, Hello);

        Assert.NotNull(launcher);
        Assert.Equal(launcher, Assert.Single(judge.LauncherPids));
        Assert.All([hog, afterHog, busy, afterBusy], r => Assert.Equal(RunStatus.Accepted, r.Status));
        Assert.True(hog.PeakMemoryBytes >= 150L * 1024 * 1024, $"hog peak {hog.PeakMemoryBytes}");
        Assert.True(afterHog.PeakMemoryBytes < 64L * 1024 * 1024, $"hello after the hog: peak {afterHog.PeakMemoryBytes}");
        Assert.True(afterBusy.CpuTimeMs < busy.CpuTimeMs / 2, $"hello {afterBusy.CpuTimeMs} ms of CPU after a {busy.CpuTimeMs} ms run");
    }

    [Fact]
    public async Task TheLauncher_RunsAsTheSlotsUnprivilegedUid()
    {
        using var judge = OneSlotJudge(158000);
        await Python(judge, Hello);
        var launcher = Assert.Single(judge.LauncherPids)!.Value;

        var uids = File.ReadAllLines($"/proc/{launcher}/status").Single(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        var groups = File.ReadAllLines($"/proc/{launcher}/status").Single(l => l.StartsWith("Groups:", StringComparison.Ordinal));

        var uid = Assert.Single(uids.Split('\t', StringSplitOptions.RemoveEmptyEntries).Skip(1).Distinct());
        Assert.InRange(int.Parse(uid, System.Globalization.CultureInfo.InvariantCulture), 158000, 158000 + 4095);
        Assert.Equal("Groups:", groups.Trim());
    }

    [Fact]
    public async Task ALargeStdin_ArrivesWhole_AndAProgramIgnoringItDoesNotHangTheStep()
    {
        using var judge = OneSlotJudge(159000);
        var stdin = string.Concat(Enumerable.Repeat("linha de entrada ção\n", 200_000));

        var reader = await judge.RunAsync(new RunRequest("python",
            [new SourceFile("main.py", "import sys\ndata = sys.stdin.buffer.read()\nprint(len(data), data.count(b'\\n'))")], stdin));
        var ignorer = await judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", Hello)], stdin));

        Assert.Equal($"{System.Text.Encoding.UTF8.GetByteCount(stdin)} 200000\n", reader.Stdout);
        Assert.Equal(RunStatus.Accepted, ignorer.Status);
        Assert.Equal("ok\n", ignorer.Stdout);
    }

    [Fact]
    public async Task AnOutOfMemoryStep_KillsTheStepNotTheLauncher_AndTheNextStepIsClean()
    {
        using var judge = OneSlotJudge(152000);
        await Python(judge, Hello);
        var launcher = Assert.Single(judge.LauncherPids);

        var oom = await Python(judge, "chunks = []\nwhile True:\n    chunks.append(bytearray(8 * 1024 * 1024))", memoryMb: 64);
        var next = await Python(judge, Hello);

        Assert.Equal(RunStatus.MemoryLimitExceeded, oom.Status);
        Assert.Equal(RunStatus.Accepted, next.Status);
        Assert.Equal("ok\n", next.Stdout);
        Assert.Equal(launcher, Assert.Single(judge.LauncherPids));
    }

    [Fact]
    public async Task AKilledLauncher_IsReplacedBeforeTheNextStep()
    {
        using var judge = OneSlotJudge(153000);
        await Python(judge, Hello);
        var first = Assert.Single(judge.LauncherPids)!.Value;

        Native.Kill(first, Native.SigKill);
        await WaitUntilGone(first);
        var next = await Python(judge, Hello);

        Assert.Equal(RunStatus.Accepted, next.Status);
        Assert.Equal("ok\n", next.Stdout);
        var second = Assert.Single(judge.LauncherPids);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task ALauncherDyingMidStep_EndsTheStepAsAnInternalError_AndLeavesNoProcess()
    {
        using var judge = OneSlotJudge(154000);
        await Python(judge, Hello);
        var launcher = Assert.Single(judge.LauncherPids)!.Value;
        var token = "launcher" + Guid.NewGuid().ToString("N");

        var running = judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", "import time\nprint('started', flush=True)\ntime.sleep(30)")],
            Args: [token], Limits: new RunLimits { CpuTimeSeconds = 5, WallTimeSeconds = 20 }));
        await JudgeFixture.WaitUntil(() => JudgeFixture.Survivors(token).Count > 0);
        Native.Kill(launcher, Native.SigKill);
        var result = await running;

        Assert.Equal(RunStatus.InternalError, result.Status);
        Assert.Contains("launcher", result.Stderr, StringComparison.Ordinal);
        Assert.True(result.WallTimeMs < 15_000, $"the step waited for its wall limit ({result.WallTimeMs} ms)");
        Assert.Empty(JudgeFixture.Survivors(token));
        Assert.Equal(RunStatus.Accepted, (await Python(judge, Hello)).Status);
    }

    [Fact]
    public async Task WhenTheHostIsKilled_ItsLaunchersAndSandboxesDieWithIt()
    {
        var folder = Directory.CreateTempSubdirectory("compila-judge-orphan-").FullName;
        var program = Path.Combine(folder, "main.py");
        File.WriteAllText(program, "import time\nprint('started', flush=True)\ntime.sleep(60)\n");
        var cli = Path.Combine(AppContext.BaseDirectory, "compila-judge.dll");
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "run", "--lang", "python", program, "--cpu", "5", "--wall", "20" })
        {
            psi.ArgumentList.Add(arg);
        }

        using var host = System.Diagnostics.Process.Start(psi)!;
        try
        {
            // The host's launchers, and the sandbox below one of them (bwrap, its namespace's init, python): followed
            // through /proc/PID/task/PID/children, since the other tests' fork bombs make scanning all of /proc slow.
            // The host's start-up probes run python directly (no launcher), so wait for the program's python below a
            // launcher rather than for any python.
            List<int> tree = [];
            bool IsPython(int pid) => Cmdline(pid).StartsWith("/usr/bin/python3\0", StringComparison.Ordinal);
            bool IsLauncher(int pid) => Cmdline(pid) == "/bin/dash\0-s\0";
            await JudgeFixture.WaitUntil(() => (tree = Descendants(host.Id)).Any(pid => IsLauncher(pid) && Descendants(pid).Any(IsPython)) || host.HasExited,
                TimeSpan.FromSeconds(60));
            Assert.False(host.HasExited, "the host ended before its sandbox was seen");
            Assert.Contains(tree, pid => IsLauncher(pid) && Descendants(pid).Any(IsPython));

            host.Kill();
            await host.WaitForExitAsync();

            await JudgeFixture.WaitUntil(() => tree.All(pid => !Directory.Exists($"/proc/{pid}")));
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill();
            }

            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task WithoutLaunchers_EachStepJoinsGroupsOfItsOwn()
    {
        using var judge = new BubblewrapJudge(Options.Create(new JudgeOptions { PoolSize = 1, SandboxUidBase = 155000, UseStepLaunchers = false }));

        var hello = await Python(judge, Hello);
        var oom = await Python(judge, "chunks = []\nwhile True:\n    chunks.append(bytearray(8 * 1024 * 1024))", memoryMb: 64);

        Assert.Empty(judge.LauncherPids);
        Assert.Equal(RunStatus.Accepted, hello.Status);
        Assert.True(hello.PeakMemoryBytes > 0);
        Assert.Equal(RunStatus.MemoryLimitExceeded, oom.Status);
    }

    [Theory]
    [InlineData(true, 156000)]
    [InlineData(false, 157000)]
    public async Task SandboxedCode_IsTheOomKillersFirstChoice(bool launchers, int uidBase)
    {
        using var judge = new BubblewrapJudge(Options.Create(new JudgeOptions { PoolSize = 1, SandboxUidBase = uidBase, UseStepLaunchers = launchers }));

        var run = await Python(judge, "print(open('/proc/self/oom_score_adj').read().strip())");

        Assert.Equal("1000\n", run.Stdout);
    }

    [Fact]
    public async Task StaleEmptyGroups_AreSwept_GroupsInUseAreNot()
    {
        var cgroups = Cgroups.Probe("/sys/fs/cgroup", enabled: true);
        Assert.True(cgroups.Memory, "the memory controller is writable here");
        var empty = cgroups.Create("stale-" + Guid.NewGuid().ToString("N"), 64L * 1024 * 1024, 16);
        var used = cgroups.Create("used-" + Guid.NewGuid().ToString("N"), 64L * 1024 * 1024, 16);
        using var sleeper = System.Diagnostics.Process.Start("/bin/sleep", "30");
        File.WriteAllText(used.ProcsFiles.First(), sleeper.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            cgroups.SweepStale(TimeSpan.Zero);

            Assert.All(empty.Paths.Values, p => Assert.False(Directory.Exists(p), p));
            Assert.True(Directory.Exists(used.ProcsFiles.First().Replace("/cgroup.procs", "", StringComparison.Ordinal)));
        }
        finally
        {
            sleeper.Kill();
            Assert.True(await used.KillAllAndRemoveAsync());
        }
    }

    private static BubblewrapJudge OneSlotJudge(int uidBase) =>
        new(Options.Create(new JudgeOptions { PoolSize = 1, SandboxUidBase = uidBase, UseCompileServers = false }));

    private static Task<RunResult> Python(BubblewrapJudge judge, string code, int memoryMb = 128) =>
        judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", code)],
            Limits: new RunLimits { MemoryMegabytes = memoryMb, CpuTimeSeconds = 5, WallTimeSeconds = 10 }));

    private static Task WaitUntilGone(int pid) => JudgeFixture.WaitUntil(() => !Directory.Exists($"/proc/{pid}"));

    /// <summary>Every process below <paramref name="root"/>, following each thread's children.</summary>
    private static List<int> Descendants(int root)
    {
        var found = new List<int>();
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var pid))
        {
            try
            {
                foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
                {
                    foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var childPid = int.Parse(child, System.Globalization.CultureInfo.InvariantCulture);
                        found.Add(childPid);
                        pending.Enqueue(childPid);
                    }
                }
            }
            catch (IOException)
            {
                // Exited while we looked.
            }
        }

        return found;
    }

    private static string Cmdline(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }
}
