namespace Compila.Judge.Tests;

/// <summary>
/// The "Done when" list, for every language: each test reads one run of the language's probe batch
/// (one compile, then every mode in its own sandbox, in order, with a 1 s CPU and 10 s wall limit).
/// </summary>
public sealed class LanguageBehaviourTests(JudgeFixture fixture)
{
    public static TheoryData<string> Languages => new(JudgeFixture.AllLanguages);

    private async Task<ProbeBatch> Batch(string language)
    {
        var batch = await fixture.Probe(language);
        Assert.True(batch.Result.Compiled, batch.Result.CompileOutput);
        Assert.Equal(ProbeBatch.Modes.Length, batch.Result.Runs.Count);
        return batch;
    }

    private static void AssertStatus(RunStatus expected, RunResult run) =>
        Assert.True(expected == run.Status,
            $"expected {expected}, got {run.Status} (exit {run.ExitCode}, signal {run.Signal}); stdout: {Head(run.Stdout)}; stderr: {Head(run.Stderr)}");

    private static string Head(string text) => text.Length > 600 ? text[..600] + "..." : text;

    [Theory, MemberData(nameof(Languages))]
    public async Task HelloWorld_PrintsUtf8(string language)
    {
        var run = (await Batch(language)).Run("hello");
        AssertStatus(RunStatus.Accepted, run);
        Assert.Equal("Olá, ação ✓\n", run.Stdout);
        Assert.Equal(0, run.ExitCode);
        Assert.Null(run.Signal);
        Assert.True(run.WallTimeMs > 0);
        Assert.True(run.CpuTimeMs > 0, "CPU time is measured (cgroup cpuacct)");
        Assert.True(run.PeakMemoryBytes > 0, "peak memory is measured (cgroup memory)");
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task Stdin_ReachesTheProgram(string language)
    {
        var run = (await Batch(language)).Run("echo");
        AssertStatus(RunStatus.Accepted, run);
        Assert.StartsWith("echo:DADOS DE ENTRADA ÇÃO\nLINHA 2\n", run.Stdout, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task NonZeroExit_IsRuntimeErrorWithExitCode(string language)
    {
        var run = (await Batch(language)).Run("exit3");
        AssertStatus(RunStatus.RuntimeError, run);
        Assert.Equal(3, run.ExitCode);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task UncaughtException_IsRuntimeErrorWithMessage(string language)
    {
        var run = (await Batch(language)).Run("throw");
        AssertStatus(RunStatus.RuntimeError, run);
        Assert.Contains("boom", run.Stderr, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task InfiniteLoop_IsTimeLimitExceeded_AndNoProcessSurvives(string language)
    {
        var batch = await Batch(language);
        var run = batch.Run("loop");
        AssertStatus(RunStatus.TimeLimitExceeded, run);
        // Stopped by its 1 s of CPU (or, on a machine too loaded to give it that, by the 10 s wall limit).
        Assert.True(run.CpuTimeMs >= 900 || run.WallTimeMs >= 9000, $"cpu {run.CpuTimeMs} ms, wall {run.WallTimeMs} ms");
        Assert.True(run.WallTimeMs < 12000, $"wall {run.WallTimeMs} ms");
        Assert.Empty(batch.SurvivorsAfter);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task MemoryHog_IsMemoryLimitExceeded(string language)
    {
        var run = (await Batch(language)).Run("hog");
        AssertStatus(RunStatus.MemoryLimitExceeded, run);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task ForkBomb_IsContained_AndTheJudgeKeepsServing(string language)
    {
        var batch = await Batch(language);
        var run = batch.Run("fork");
        Assert.Contains(run.Status, new[] { RunStatus.TimeLimitExceeded, RunStatus.MemoryLimitExceeded, RunStatus.RuntimeError });
        Assert.True(run.WallTimeMs < 12000, $"wall {run.WallTimeMs} ms");
        Assert.Empty(batch.SurvivorsAfter);
        AssertStatus(RunStatus.Accepted, batch.Run("hello", 1));
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task ThreadBomb_IsContained_AndTheJudgeKeepsServing(string language)
    {
        var batch = await Batch(language);
        var run = batch.Run("threads");
        Assert.True(run.Status is not RunStatus.Accepted and not RunStatus.InternalError,
            $"{run.Status} (exit {run.ExitCode}, signal {run.Signal}); stderr: {Head(run.Stderr)}");
        Assert.True(run.WallTimeMs < 12000, $"wall {run.WallTimeMs} ms");
        if (run.Stdout.StartsWith("threads ", StringComparison.Ordinal))
        {
            var created = int.Parse(run.Stdout.Split(' ')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(created < 120, $"{created} threads created with a limit of 60 processes");
        }

        Assert.Empty(batch.SurvivorsAfter);
        AssertStatus(RunStatus.Accepted, batch.Run("hello", 2));
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task HundredMegabytesOfOutput_IsCappedAndMarkedTruncated(string language)
    {
        var run = (await Batch(language)).Run("output");
        AssertStatus(RunStatus.OutputLimitExceeded, run);
        Assert.True(run.StdoutTruncated);
        Assert.Equal(1024 * 1024, run.Stdout.Length);
        Assert.True(run.WallTimeMs < 9000, $"wall {run.WallTimeMs} ms");
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task OneGigabyteFile_IsStopped(string language)
    {
        var run = (await Batch(language)).Run("bigfile");
        Assert.Contains(run.Status, new[] { RunStatus.RuntimeError, RunStatus.OutputLimitExceeded });
        Assert.DoesNotContain("wrote 1 GB", run.Stdout, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task Network_LoopbackAndPublicAddressesFail(string language)
    {
        var run = (await Batch(language)).Run("net");
        AssertStatus(RunStatus.Accepted, run);
        Assert.Contains("failed 127.0.0.1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("failed 192.0.2.1", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("connected", run.Stdout, StringComparison.Ordinal);
        Assert.False(fixture.Listener.Pending(), "the host's loopback listener got a connection");
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task HostFilesConfigurationAndEnvironment_AreNotVisible(string language)
    {
        var run = (await Batch(language)).Run("secrets");
        AssertStatus(RunStatus.Accepted, run);
        foreach (var path in fixture.HostSecrets())
        {
            Assert.Contains(path + " missing", run.Stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(" visible", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Secret, run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(JudgeFixture.SecretVariable, run.Stdout, StringComparison.Ordinal);
        // The sandbox's pid 1 is bubblewrap's init, with the cleared environment.
        Assert.Contains("environ 1", run.Stdout, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task BackgroundChild_IsKilledAtTheEnd(string language)
    {
        var batch = await Batch(language);
        var run = batch.Run("background");
        AssertStatus(RunStatus.Accepted, run);
        Assert.Contains("spawned", run.Stdout, StringComparison.Ordinal);
        Assert.True(run.WallTimeMs < 9000, $"the run ends with its main process, not with the child: {run.WallTimeMs} ms");
        Assert.Empty(batch.SurvivorsAfter);
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task FileInTmp_IsAbsentInTheNextRun(string language)
    {
        var batch = await Batch(language);
        AssertStatus(RunStatus.Accepted, batch.Run("tmpwrite"));
        Assert.Contains("written", batch.Run("tmpwrite").Stdout, StringComparison.Ordinal);
        var check = batch.Run("tmpcheck");
        AssertStatus(RunStatus.Accepted, check);
        Assert.Equal("tmp=false shm=false", check.Stdout.Trim());
    }

    [Theory, MemberData(nameof(Languages))]
    public async Task PlantedSymlink_DoesNotRedirectAHostWrite(string language)
    {
        var batch = await Batch(language);
        var run = batch.Run("plant");
        AssertStatus(RunStatus.Accepted, run);
        // The artifact folder is read-only in run steps; /tmp is private to the step and discarded.
        Assert.Contains("refused /box", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("untouched", batch.CanaryAfter);
        Assert.Equal(["canary.txt"], Directory.GetFiles(fixture.CanaryFolder).Select(Path.GetFileName));
        AssertStatus(RunStatus.Accepted, batch.Run("hello", 3));
    }
}
