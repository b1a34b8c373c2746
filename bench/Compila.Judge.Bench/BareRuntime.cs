using System.Diagnostics;
using Compila.Judge.Languages;
using Compila.Judge.Sandbox;

namespace Compila.Judge.Bench;

/// <summary>
/// The baseline: the very commands, flags and environment the judge's adapters use, run directly on the host
/// (no bubblewrap, no cgroups, no rlimits), with /box mapped to a host folder and a fresh /tmp per compile.
/// </summary>
internal sealed class BareRuntime : IDisposable
{
    private static readonly EffectiveLimits Limits = new(5, 10, 256, 60, 1024, 1024, 64);
    private readonly LanguageAdapter _adapter;
    private readonly BenchProgram _program;
    private readonly string _root;
    private readonly Dictionary<string, string> _dirs = [];

    private BareRuntime(LanguageAdapter adapter, BenchProgram program)
    {
        _adapter = adapter;
        _program = program;
        _root = Directory.CreateTempSubdirectory("compila-judge-bench-").FullName;
    }

    public static BareRuntime Prepare(BenchProgram program)
    {
        LanguageAdapter adapter = program.Language switch
        {
            "python" => new Python(),
            "javascript" => new JavaScript(),
            "typescript" => new TypeScript(),
            "java" => new Java(),
            "go" => new Go(),
            "csharp" => new CSharp(),
            _ => throw new ArgumentOutOfRangeException(nameof(program)),
        };
        // On the host's file system: the bare runs use the host's files, only /opt/judge paths are mapped back.
        var workRoot = Path.Combine(Path.GetTempPath(), "compila-judge-bench-bare");
        if (adapter.Probe(new JudgeTools(FindTools(), workRoot, WorkFileSystem.Acquire(workRoot, 0, mayMount: false))) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        // The snapshot compiler reads its libraries at their sandbox paths: the bare baseline is the cold tsc.
        (adapter as TypeScript)?.DisableSnapshot();
        var bare = new BareRuntime(adapter, program);
        bare._dirs["hello"] = bare.Build(program.Hello);
        bare._dirs["cpu-bound"] = bare.Build(program.CpuBound);
        return bare;
    }

    /// <summary>Wall times of n bare runs of a prepared program.</summary>
    public List<double> Time(string name, int n)
    {
        var dir = _dirs[name];
        var run = _adapter.Run(_program.File, [new SourceFile(_program.File, _program.Hello)], [], Limits);
        return Enumerable.Range(0, n).Select(_ => Execute(run, dir, Path.Combine(dir, "tmp")).Milliseconds).ToList();
    }

    /// <summary>Wall times of n bare compiles of the hello program, each in a fresh folder with a fresh /tmp.</summary>
    public List<double> CompileTimes(int n) =>
        Enumerable.Range(0, n).Select(_ =>
        {
            var sw = Stopwatch.StartNew();
            Build(_program.Hello);
            return sw.Elapsed.TotalMilliseconds;
        }).ToList();

    private string Build(string source)
    {
        var dir = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dir, "tmp"));
        File.WriteAllText(Path.Combine(dir, _program.File), source);
        foreach (var (path, content) in _adapter.HelperFiles(_program.File, Limits))
        {
            File.WriteAllText(Path.Combine(dir, path), content);
        }

        if (_adapter.Compile(_program.File, [new SourceFile(_program.File, source)]) is { } compile)
        {
            var (ms, code, output) = Execute(compile, dir, Path.Combine(dir, "tmp"));
            if (code != 0)
            {
                throw new InvalidOperationException($"bare compile failed ({ms} ms): {output}");
            }
        }

        return dir;
    }

    private (double Milliseconds, int ExitCode, string Output) Execute(SandboxCommand command, string box, string tmp)
    {
        // One pass, so a host folder under /tmp is not mapped twice.
        var targets = _adapter.View.Binds.Where(b => b.Target.StartsWith("/opt/", StringComparison.Ordinal)).ToDictionary(b => b.Target, b => b.Source);
        targets[BubblewrapCommand.BoxDir] = box;
        targets["/tmp"] = tmp;
        var pattern = new System.Text.RegularExpressions.Regex(
            "(?<![A-Za-z0-9_./-])(" + string.Join('|', targets.Keys.OrderByDescending(k => k.Length).Select(System.Text.RegularExpressions.Regex.Escape)) + ")(?=/|$|\\s)");
        string Map(string s) => pattern.Replace(s, m => targets[m.Value]);

        var psi = new ProcessStartInfo(Map(command.Argv[0]))
        {
            WorkingDirectory = box,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.Argv.Skip(1))
        {
            psi.ArgumentList.Add(Map(arg));
        }

        psi.Environment.Clear();
        foreach (var (key, value) in command.Environment)
        {
            psi.Environment[key] = Map(value);
        }

        var sw = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var output = stdout.Result + stderr.Result;
        return (sw.Elapsed.TotalMilliseconds, process.ExitCode, output);
    }

    private static string? FindTools()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tools", "judge");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public void Dispose() => Directory.Delete(_root, true);
}
