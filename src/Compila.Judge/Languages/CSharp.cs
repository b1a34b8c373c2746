using System.Globalization;
using System.Text;
using Compila.Judge.Sandbox;

namespace Compila.Judge.Languages;

/// <summary>
/// C# (.NET 10): the SDK's ReadyToRun-compiled Roslyn (csc.dll) run directly in a sandboxed step against the
/// reference pack (no MSBuild, no dotnet new/run), then the dll runs on the shared runtime.
/// Accepts top-level statements and a class with Main; the SDK's implicit global usings are added.
/// </summary>
internal sealed class CSharp : LanguageAdapter
{
    private const string Output = ".main.dll";
    private const string Usings = ".GlobalUsings.cs";
    private const string Response = ".csc.rsp";
    private string _root = "";
    private string _csc = "";
    private string _runtimeVersion = "";
    private List<string> _references = [];
    private readonly List<Bind> _binds = [];

    // The SDK's implicit usings for console apps.
    private static readonly string[] ImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading",
        "System.Threading.Tasks",
    ];

    public override string Id => "csharp";
    public override string Name => "C#";
    public override string EntryFileName => "Program.cs";
    public override bool NeedsCompile => true;
    public override IReadOnlyList<Bind> Binds => _binds;
    public override LimitOverrides RunDefaults => new() { MemoryMegabytes = 256 };

    public override string? Probe(JudgeTools tools)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root)
        {
            candidates.Add(root);
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "dotnet")))
            {
                candidates.Add(Path.GetDirectoryName(RealPath(Path.Combine(dir, "dotnet")))!);
            }
        }

        candidates.AddRange(["/usr/share/dotnet", "/usr/lib/dotnet"]);
        foreach (var candidate in candidates.Distinct())
        {
            if (TryRoot(candidate))
            {
                if (!_root.StartsWith("/usr/", StringComparison.Ordinal))
                {
                    _binds.Add(new Bind(_root, _root));
                }

                Version = $"C# 14 (.NET {_runtimeVersion})";
                return null;
            }
        }

        return ".NET 10 SDK (Roslyn csc.dll, Microsoft.NETCore.App 10 runtime and reference pack) not found.";
    }

    private bool TryRoot(string root)
    {
        var runtime = Newest(Path.Combine(root, "shared", "Microsoft.NETCore.App"), "10.");
        var refPack = Newest(Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref"), "10.");
        var sdk = Newest(Path.Combine(root, "sdk"), "10.");
        if (runtime is null || refPack is null || sdk is null || !File.Exists(Path.Combine(root, "dotnet")))
        {
            return false;
        }

        var csc = Path.Combine(sdk, "Roslyn", "bincore", "csc.dll");
        var refs = Path.Combine(refPack, "ref", "net10.0");
        if (!File.Exists(csc) || !Directory.Exists(refs))
        {
            return false;
        }

        _root = root;
        _csc = csc;
        _runtimeVersion = Path.GetFileName(runtime);
        _references = Directory.GetFiles(refs, "*.dll").Order(StringComparer.Ordinal).ToList();
        return _references.Count > 0;
    }

    private static string? Newest(string dir, string prefix) =>
        Directory.Exists(dir)
            ? Directory.GetDirectories(dir)
                .Where(d => Path.GetFileName(d).StartsWith(prefix, StringComparison.Ordinal))
                .OrderByDescending(d => System.Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version())
                .FirstOrDefault()
            : null;

    public override IEnumerable<(string Path, string Content)> HelperFiles(string entry, EffectiveLimits run)
    {
        var rsp = new StringBuilder();
        foreach (var reference in _references)
        {
            rsp.Append("-r:\"").Append(reference).Append("\"\n");
        }

        yield return (Response, rsp.ToString());
        yield return (Usings, string.Join('\n', ImplicitUsings.Select(n => $"global using global::{n};")) + "\n");
        yield return (".main.runtimeconfig.json",
            "{\"runtimeOptions\":{\"tfm\":\"net10.0\",\"framework\":{\"name\":\"Microsoft.NETCore.App\",\"version\":\""
            + _runtimeVersion + "\"},\"configProperties\":{\"System.GC.Server\":false}}}\n");
    }

    private Dictionary<string, string> DotnetEnvironment()
    {
        var env = BaseEnvironment();
        env["DOTNET_ROOT"] = _root;
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        env["DOTNET_NOLOGO"] = "1";
        // No diagnostics IPC socket in /tmp, no dumps.
        env["DOTNET_EnableDiagnostics"] = "0";
        env["DOTNET_TieredPGO"] = "0";
        env["DOTNET_gcServer"] = "0";
        // W^X double-maps code through shared memory; off, startup is faster and /dev/shm stays tiny.
        env["DOTNET_EnableWriteXorExecute"] = "0";
        return env;
    }

    public override SandboxCommand Compile(string entry, IReadOnlyList<SourceFile> files) => new(
        [
            _root + "/dotnet", _csc,
            "-nologo", "-noconfig", "-target:exe", "-langversion:latest", "-nullable:enable", "-optimize+",
            "-deterministic", "-utf8output", "-out:" + Box(Output), "@" + Box(Response), Usings,
            .. files.Select(f => f.Path).Where(f => f.EndsWith(".cs", StringComparison.Ordinal)),
        ],
        DotnetEnvironment());

    public override SandboxCommand Run(string entry, IReadOnlyList<SourceFile> files, IReadOnlyList<string> args, EffectiveLimits limits)
    {
        var env = DotnetEnvironment();
        // The runtime cannot see the cgroup: cap the GC heap below the limit so it collects instead of being killed.
        env["DOTNET_GCHeapHardLimit"] = (limits.MemoryBytes * 3 / 4).ToString("x", CultureInfo.InvariantCulture);
        return new SandboxCommand([_root + "/dotnet", Box(Output), .. args], env);
    }

    // The managed exception, or the runtime's own fail-fast when the GC heap hard limit is hit.
    public override bool ReportsOutOfMemory(string stderr) =>
        stderr.Contains("OutOfMemoryException", StringComparison.Ordinal) || stderr.StartsWith("Out of memory.", StringComparison.Ordinal);
}
