using Microsoft.Extensions.Options;

namespace Compila.Judge.Tests;

public sealed class JudgeTests(JudgeFixture fixture)
{
    [Fact]
    public void Sandbox_IsAvailable_WithCgroups()
    {
        Assert.True(fixture.Judge.Sandbox.Available, fixture.Judge.Sandbox.UnavailableReason);
        Assert.Contains("memory", fixture.Judge.Sandbox.Description, StringComparison.Ordinal);
        Assert.Contains("cpuacct", fixture.Judge.Sandbox.Description, StringComparison.Ordinal);
        Assert.Contains("RLIMIT_NPROC", fixture.Judge.Sandbox.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForkBomb_IsAlsoContained_WithThePidsCgroup()
    {
        using var judge = new BubblewrapJudge(Options.Create(new JudgeOptions { UsePidsCgroup = true }));
        var token = "pids" + Guid.NewGuid().ToString("N");

        var bomb = await judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", JudgeFixture.Source("probe.py"))],
            Args: ["fork", token], Limits: new RunLimits { CpuTimeSeconds = 1, WallTimeSeconds = 3 }));
        var after = await judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", "print('ok')")]));

        Assert.Contains("pids", judge.Sandbox.Description, StringComparison.Ordinal);
        Assert.Contains(bomb.Status, new[] { RunStatus.TimeLimitExceeded, RunStatus.MemoryLimitExceeded, RunStatus.RuntimeError });
        Assert.Empty(JudgeFixture.Survivors(token));
        Assert.Equal("ok\n", after.Stdout);
    }

    [Theory]
    [InlineData("python", "3.11")]
    [InlineData("javascript", "20.")]
    [InlineData("typescript", "5.")]
    [InlineData("java", "17.")]
    [InlineData("go", "1.19")]
    [InlineData("csharp", ".NET 10.")]
    public void Languages_AreAvailableWithTheirVersions(string id, string version)
    {
        var language = Assert.Single(fixture.Judge.Languages, l => l.Id == id);
        Assert.True(language.Available, language.UnavailableReason);
        Assert.Contains(version, language.Version, StringComparison.Ordinal);
        Assert.NotEmpty(language.EntryFileName);
    }

    [Fact]
    public async Task UnknownLanguage_ListsTheSupportedOnes()
    {
        var e = await Assert.ThrowsAsync<UnknownLanguageException>(() =>
            fixture.Judge.RunAsync(new RunRequest("cobol", [new SourceFile("main.cob", "")])));

        Assert.Equal("cobol", e.Language);
        Assert.Equal(JudgeFixture.AllLanguages.Order(), e.Supported.Order());
    }

    [Theory]
    [InlineData(16.0, null, "CpuTimeSeconds", 15.0)]
    [InlineData(null, 513, "MemoryMegabytes", 512.0)]
    [InlineData(0.0, null, "CpuTimeSeconds", 15.0)]
    public async Task LimitAboveItsMaximum_IsRejected(double? cpu, int? memory, string limit, double maximum)
    {
        var e = await Assert.ThrowsAsync<LimitOutOfRangeException>(() => fixture.Judge.RunAsync(new RunRequest(
            "python", [new SourceFile("main.py", "print(1)")], Limits: new RunLimits { CpuTimeSeconds = cpu, MemoryMegabytes = memory })));

        Assert.Equal(limit, e.Limit);
        Assert.Equal(maximum, e.Maximum);
    }

    [Fact]
    public async Task WallTimeLimit_StopsASleepingProgram()
    {
        var result = await fixture.Judge.RunAsync(new RunRequest(
            "python", [new SourceFile("main.py", "import time\nprint('antes', flush=True)\ntime.sleep(30)\n")],
            Limits: new RunLimits { WallTimeSeconds = 1 }));

        Assert.Equal(RunStatus.TimeLimitExceeded, result.Status);
        Assert.Equal("antes\n", result.Stdout);
        Assert.InRange(result.WallTimeMs, 900, 3000);
        Assert.True(result.CpuTimeMs < 500);
    }

    [Fact]
    public async Task Cancellation_StopsTheRun_AndKillsItsProcesses()
    {
        var token = "cancel" + Guid.NewGuid().ToString("N");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Judge.RunAsync(new RunRequest(
            "python", [new SourceFile("main.py", "import time\ntime.sleep(30)\n")], Args: [token]), cts.Token));

        Assert.Empty(JudgeFixture.Survivors(token));
    }

    [Fact]
    public async Task MemoryOverride_WithinTheMaximum_IsApplied()
    {
        const string code = "x = b'\\x01' * (200 * 1024 * 1024)\nprint(len(x) // (1024 * 1024))\n";

        var small = await fixture.Judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", code)]));
        var large = await fixture.Judge.RunAsync(new RunRequest(
            "python", [new SourceFile("main.py", code)], Limits: new RunLimits { MemoryMegabytes = 400 }));

        Assert.Equal(RunStatus.MemoryLimitExceeded, small.Status);
        Assert.Equal(RunStatus.Accepted, large.Status);
        Assert.Equal("200\n", large.Stdout);
        Assert.True(large.PeakMemoryBytes >= 200L * 1024 * 1024);
    }

    [Fact]
    public async Task FullQueue_ThrowsJudgeBusyWithRetryAfter()
    {
        using var judge = new BubblewrapJudge(Options.Create(new JudgeOptions
        {
            PoolSize = 1, QueueCapacity = 1, RetryAfter = TimeSpan.FromSeconds(7),
        }));
        var slow = new RunRequest("python", [new SourceFile("main.py", "import time\ntime.sleep(1)\nprint('ok')\n")]);

        var running = judge.RunAsync(slow);
        var queued = judge.RunAsync(slow);
        var e = await Assert.ThrowsAsync<JudgeBusyException>(() => judge.RunAsync(slow));

        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.Equal("ok\n", (await running).Stdout);
        Assert.Equal("ok\n", (await queued).Stdout);
        Assert.Equal(RunStatus.Accepted, (await judge.RunAsync(slow)).Status);
    }

    [Fact]
    public async Task MissingBubblewrap_FailsClosed()
    {
        using var judge = new BubblewrapJudge(Options.Create(new JudgeOptions { BubblewrapPath = "/nonexistent/bwrap" }));

        Assert.False(judge.Sandbox.Available);
        Assert.Contains("/nonexistent/bwrap", judge.Sandbox.UnavailableReason, StringComparison.Ordinal);
        Assert.All(judge.Languages, l => Assert.False(l.Available));
        var e = await Assert.ThrowsAsync<JudgeUnavailableException>(() =>
            judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", "print(1)")])));
        Assert.Contains("bubblewrap", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenBubblewrap_FailsClosed()
    {
        using var judge = new BubblewrapJudge(Options.Create(new JudgeOptions { BubblewrapPath = "/usr/bin/false" }));

        Assert.False(judge.Sandbox.Available);
        Assert.Contains("failed to start a sandbox", judge.Sandbox.UnavailableReason, StringComparison.Ordinal);
        await Assert.ThrowsAsync<JudgeUnavailableException>(() =>
            judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", "print(1)")])));
    }

    [Fact]
    public void DisabledLanguage_IsUnavailableWithAReason()
    {
        var options = new JudgeOptions();
        options.Languages["go"] = new LanguageOptions { Enabled = false };

        using var judge = new BubblewrapJudge(Options.Create(options));

        var go = Assert.Single(judge.Languages, l => l.Id == "go");
        Assert.False(go.Available);
        Assert.Contains("Disabled", go.UnavailableReason, StringComparison.Ordinal);
        Assert.True(Assert.Single(judge.Languages, l => l.Id == "python").Available);
    }

    [Fact]
    public void BubblewrapArguments_IsolateEverything()
    {
        var argv = fixture.Judge.DescribeRunCommand("python", "/host/work");

        string[] required =
        [
            "--unshare-all", "--unshare-user", "--unshare-cgroup", "--die-with-parent", "--new-session", "--clearenv",
            "--cap-drop", "/usr/bin/setpriv",
        ];
        Assert.All(required, flag => Assert.Contains(flag, argv));
        var text = string.Join(' ', argv);
        Assert.StartsWith("/bin/dash -c echo 1000 > /proc/self/oom_score_adj || exit 126; ulimit -S -t 6 || exit 126; ulimit -H -t 7 || exit 126; ulimit -f 2048 || exit 126; ulimit -n 64 || exit 126; ulimit -c 0", text, StringComparison.Ordinal);
        Assert.Contains("--uid 65534 --gid 65534", text, StringComparison.Ordinal);
        Assert.Contains("--ro-bind /host/work /box", text, StringComparison.Ordinal);
        Assert.Contains("--tmpfs /tmp", text, StringComparison.Ordinal);
        Assert.Contains("--remount-ro /", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--share-net", argv);
        Assert.DoesNotContain(" /root", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" /work", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--bind / ", text, StringComparison.Ordinal);
        // Only the runtime's own files, never all of /usr or the loader's cache (docs/judge.md, "Files").
        Assert.DoesNotContain("--ro-bind /usr /usr", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/etc/ld.so.cache", text, StringComparison.Ordinal);
        Assert.Contains("--ro-bind /usr/bin/timeout /usr/bin/timeout", text, StringComparison.Ordinal);
    }
}
