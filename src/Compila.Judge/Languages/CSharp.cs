using System.Globalization;
using System.Text;
using Compila.Judge.Sandbox;

namespace Compila.Judge.Languages;

/// <summary>
/// C# (.NET 10): the SDK's ReadyToRun-compiled Roslyn (csc.dll) run directly in a sandboxed step against the
/// reference pack (no MSBuild, no dotnet new/run), then the dll runs on the shared runtime.
/// Accepts top-level statements and a class with Main; the SDK's implicit global usings are added.
/// Compiles go to a compile server when one is built (<c>CompileServer/CSharpCompileServer.cs</c>, the same Roslyn kept
/// warm: tens of milliseconds instead of half a second of CPU); the csc step is the fallback.
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
    private string? _referenceDir;
    private RuntimeView? _serverView;
    private const string ServerInBox = "/opt/judge/csharp-compile-server";

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
                Version = $"C# 14 (.NET {_runtimeVersion})";
                View = BuildView(tools.FileSystem);
                if (BuildCompileServer(tools.WorkRoot) is { } server)
                {
                    _serverView = View.With([new Bind(tools.FileSystem.Stage(server), ServerInBox)]);
                }

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
        _referenceDir = refs;
        return _references.Count > 0;
    }

    /// <summary>
    /// The pieces of the SDK a compile and a run use, not the whole SDK: the <c>dotnet</c> host and <c>host/fxr</c>,
    /// the shared runtime, Roslyn's <c>bincore</c> and the reference assemblies; the libraries they load, with ICU and
    /// OpenSSL, which the runtime opens by name (<c>dlopen</c>: culture data, and <c>System.Security.Cryptography</c>);
    /// tzdata for <c>TimeZoneInfo</c>.
    /// </summary>
    private RuntimeView BuildView(WorkFileSystem fs)
    {
        var runtime = Path.Combine(_root, "shared", "Microsoft.NETCore.App", _runtimeVersion);
        var fxr = Path.Combine(_root, "host", "fxr");
        var view = RuntimeViewBuilder.Base(fs)
            .Executable(Path.Combine(_root, "dotnet"))
            .Require(fxr)
            .Require(runtime)
            .Require(Path.GetDirectoryName(_csc)!)
            .Require(_referenceDir!)
            .LibrariesOf([.. Directory.GetFiles(fxr, "*.so", SearchOption.AllDirectories), .. Directory.GetFiles(runtime, "*.so")]);
        const string icu = "libicuuc.so.";
        if (RuntimeViewBuilder.NewestLibrary(icu) is { } common)
        {
            view.Library(common, required: true).Library("libicui18n.so." + common[icu.Length..], required: true);
        }

        return view.Library("libssl.so.3", required: false).Optional(ZoneInfo).Build();
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
        yield return (".main.runtimeconfig.json", RuntimeConfig());
    }

    /// <summary>
    /// Builds the compile server once per SDK and server source, on the host, with the SDK's csc against the SDK's
    /// Roslyn (trusted input only), into the work root's cache; null when that fails (compiles then use csc steps).
    /// </summary>
    private string? BuildCompileServer(string workRoot)
    {
        using var resource = typeof(CSharp).Assembly.GetManifestResourceStream("Compila.Judge.CSharpCompileServer.cs");
        if (resource is null)
        {
            return null;
        }

        var source = new StreamReader(resource).ReadToEnd();
        var roslyn = Path.GetDirectoryName(_csc)!;
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(source + _csc + _runtimeVersion)))[..16];
        var cache = Path.Combine(workRoot, "cache");
        var final = Path.Combine(cache, "csharp-compile-server-" + key);
        if (File.Exists(Path.Combine(final, "server.dll")))
        {
            return final;
        }

        const UnixFileMode open = (UnixFileMode)0b111_101_101;
        var scratch = Path.Combine(cache, "csharp-compile-server-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(cache, open);
            File.SetUnixFileMode(cache, open);
            Directory.CreateDirectory(scratch, open);
            File.WriteAllText(Path.Combine(scratch, "server.cs"), source);
            File.WriteAllText(Path.Combine(scratch, "usings.cs"), string.Join('\n', ImplicitUsings.Select(n => $"global using global::{n};")) + "\n");
            var output = HostOutput(_root + "/dotnet", [
                _csc, "-nologo", "-noconfig", "-target:exe", "-langversion:latest", "-optimize+", "-deterministic",
                "-out:" + Path.Combine(scratch, "server.dll"),
                .. _references.Select(r => "-r:" + r),
                "-r:" + Path.Combine(roslyn, "Microsoft.CodeAnalysis.dll"), "-r:" + Path.Combine(roslyn, "Microsoft.CodeAnalysis.CSharp.dll"),
                Path.Combine(scratch, "usings.cs"), Path.Combine(scratch, "server.cs"),
            ]);
            if (output is null || !File.Exists(Path.Combine(scratch, "server.dll")))
            {
                return null;
            }

            File.WriteAllText(Path.Combine(scratch, "server.runtimeconfig.json"), RuntimeConfig());
            foreach (var file in Directory.GetFiles(scratch))
            {
                File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);
            }

            Directory.Move(scratch, final);
            return final;
        }
        catch (IOException) when (File.Exists(Path.Combine(final, "server.dll")))
        {
            // Another judge built the same server first.
            return final;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    public override CompileServerSpec? CompileServer(EffectiveLimits limits)
    {
        if (_serverView is null || _referenceDir is null)
        {
            return null;
        }

        var env = DotnetEnvironment();
        env["DOTNET_GCHeapHardLimit"] = (limits.MemoryBytes * 3 / 4).ToString("x", CultureInfo.InvariantCulture);
        // A long-lived process: tiered compilation and PGO pay off here, unlike in one-shot compiles.
        env.Remove("DOTNET_TieredPGO");
        return new CompileServerSpec(
            [_root + "/dotnet", ServerInBox + "/server.dll", Path.GetDirectoryName(_csc)!, _referenceDir, string.Join(',', ImplicitUsings)],
            env,
            _serverView,
            Output);
    }

    private string RuntimeConfig() =>
        "{\"runtimeOptions\":{\"tfm\":\"net10.0\",\"framework\":{\"name\":\"Microsoft.NETCore.App\",\"version\":\""
        + _runtimeVersion + "\"},\"configProperties\":{\"System.GC.Server\":false}}}\n";

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
