using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.Extensions.Options;

[assembly: AssemblyFixture(typeof(Compila.Judge.Tests.JudgeFixture))]

namespace Compila.Judge.Tests;

/// <summary>
/// One judge for the whole suite, a secret in the test process's environment, a host "data folder" and canary
/// files the learner code must never see or touch, and a loopback listener it must never reach.
/// It starts one probe batch per language at once (compile once, run every hostile mode), so tests share the work.
/// </summary>
public sealed class JudgeFixture : IAsyncLifetime
{
    public const string SecretVariable = "COMPILA_JUDGE_TEST_SECRET";
    public static readonly string[] AllLanguages = ["python", "javascript", "typescript", "java", "go", "csharp"];

    private readonly Dictionary<string, Task<ProbeBatch>> _batches = [];

    public JudgeFixture()
    {
        Secret = "secret-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(SecretVariable, Secret);
        DataFolder = Directory.CreateTempSubdirectory("compila-judge-test-data-").FullName;
        File.WriteAllText(Path.Combine(DataFolder, "secret.txt"), Secret);
        CanaryFolder = Directory.CreateTempSubdirectory("compila-judge-test-canary-").FullName;
        CanaryFile = Path.Combine(CanaryFolder, "canary.txt");
        File.WriteAllText(CanaryFile, "untouched");
        Listener = new TcpListener(IPAddress.Loopback, 0);
        Listener.Start();
        Judge = new BubblewrapJudge(Options.Create(new JudgeOptions { QueueCapacity = 512 }));
        foreach (var language in AllLanguages)
        {
            _batches[language] = ProbeBatch.RunAsync(this, language);
        }
    }

    public BubblewrapJudge Judge { get; }
    public string Secret { get; }
    public string DataFolder { get; }
    public string CanaryFolder { get; }
    public string CanaryFile { get; }
    public TcpListener Listener { get; }
    public int ListenerPort => ((IPEndPoint)Listener.LocalEndpoint).Port;

    public Task<ProbeBatch> Probe(string language) => _batches[language];

    /// <summary>Paths of the host the learner must not see.</summary>
    public IReadOnlyList<string> HostSecrets()
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (repo.Parent is not null && !File.Exists(Path.Combine(repo.FullName, "Compila.slnx")))
        {
            repo = repo.Parent;
        }

        return
        [
            DataFolder, Path.Combine(DataFolder, "secret.txt"), CanaryFile, repo.FullName,
            Path.Combine(repo.FullName, "Compila.slnx"), AppContext.BaseDirectory, "/root", "/work", "/home",
            "/etc/shadow", "/etc/passwd", "/etc/hostname", "/var", "/sys/fs/cgroup", "/run",
        ];
    }

    public static string Source(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing test program {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The probe program of a language, under the file name the language expects.</summary>
    public static SourceFile ProbeProgram(string language) => language switch
    {
        "python" => new SourceFile("main.py", Source("probe.py")),
        "javascript" => new SourceFile("main.js", Source("probe.js")),
        "typescript" => new SourceFile("main.ts", Source("probe.ts")),
        "java" => new SourceFile("Main.java", Source("Main.java")),
        "go" => new SourceFile("main.go", Source("main.go")),
        "csharp" => new SourceFile("Program.cs", Source("Program.cs")),
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    /// <summary>Host processes whose command line contains the token (none may outlive a run).</summary>
    public static List<string> Survivors(string token)
    {
        var found = new List<string>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmdline.Contains(token, StringComparison.Ordinal))
                {
                    found.Add($"{pid}: {cmdline}");
                }
            }
            catch (IOException)
            {
                // Exited while we looked.
            }
        }

        return found;
    }

    /// <summary>Polls a condition every 20 ms; fails the test if it is still false after the timeout (10 s by default).</summary>
    public static async Task WaitUntil(Func<bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var deadline = DateTime.UtcNow + limit;
        bool met;
        while (!(met = condition()) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(met, $"condition not reached in {limit.TotalSeconds} s");
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var batch in _batches.Values)
        {
            try
            {
                await batch;
            }
            catch (Exception)
            {
                // Reported by the tests that awaited it.
            }
        }

        // Stops the launchers and compile servers, and detaches the judge's tmpfs.
        Judge.Dispose();
        Listener.Stop();
        Listener.Dispose();
        Environment.SetEnvironmentVariable(SecretVariable, null);
        Directory.Delete(DataFolder, true);
        Directory.Delete(CanaryFolder, true);
    }
}

/// <summary>The probe program of one language compiled once and run in every mode, in order.</summary>
public sealed class ProbeBatch
{
    public static readonly string[] Modes =
    [
        "hello", "echo", "exit3", "throw", "loop", "hog", "fork", "hello", "threads", "hello", "output", "bigfile",
        "net", "secrets", "background", "tmpwrite", "tmpcheck", "plant", "hello",
    ];

    public const string Stdin = "dados de entrada ção\nlinha 2\n";
    // A wall limit well above the CPU limit, so CPU-bound modes stop on CPU even on a loaded machine.
    public static readonly RunLimits Limits = new() { CpuTimeSeconds = 1, WallTimeSeconds = 10 };

    private ProbeBatch(string token, BatchResult result, IReadOnlyList<string> survivors, string canaryAfter)
    {
        Token = token;
        Result = result;
        SurvivorsAfter = survivors;
        CanaryAfter = canaryAfter;
    }

    public string Token { get; }
    public BatchResult Result { get; }
    public IReadOnlyList<string> SurvivorsAfter { get; }
    public string CanaryAfter { get; }

    /// <summary>The result of the n-th run of a mode (0 for the first).</summary>
    public RunResult Run(string mode, int occurrence = 0)
    {
        var index = Modes.Select((m, i) => (m, i)).Where(x => x.m == mode).Skip(occurrence).First().i;
        return Result.Runs[index];
    }

    public static async Task<ProbeBatch> RunAsync(JudgeFixture fixture, string language)
    {
        var token = "tok" + Guid.NewGuid().ToString("N");
        var inputs = Modes.Select(mode => mode switch
        {
            "echo" => new RunInput(Stdin, [mode, token]),
            "net" => new RunInput(null, [mode, token, fixture.ListenerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)]),
            "secrets" => new RunInput(null, [mode, token, .. fixture.HostSecrets()]),
            "plant" => new RunInput(null, [mode, token, fixture.CanaryFile]),
            _ => new RunInput(null, [mode, token]),
        }).ToList();
        var result = await fixture.Judge.RunBatchAsync(
            new BatchRequest(language, [JudgeFixture.ProbeProgram(language)], inputs, Limits));
        return new ProbeBatch(token, result, JudgeFixture.Survivors(token), File.ReadAllText(fixture.CanaryFile));
    }
}
