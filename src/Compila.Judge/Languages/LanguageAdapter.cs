using System.Diagnostics;
using Compila.Judge.Sandbox;

namespace Compila.Judge.Languages;

/// <summary>A command run inside the sandbox, with its extra environment.</summary>
internal sealed record SandboxCommand(IReadOnlyList<string> Argv, IReadOnlyDictionary<string, string> Environment);

/// <summary>
/// A long-lived compiler in its own sandbox (see <see cref="Sandbox.SandboxedServer"/>): it reads
/// <c>{"files":[{"path","content"}]}</c> lines and answers <c>{"ok","diagnostics","assembly"}</c>, and the judge
/// writes the assembly into the run's folder as <paramref name="OutputFile"/>.
/// </summary>
internal sealed record CompileServerSpec(
    IReadOnlyList<string> Command, IReadOnlyDictionary<string, string> Environment, RuntimeView View, string OutputFile);

/// <summary>
/// One language: its files, compile step (if any), run step and version. <see cref="Probe"/> runs once at start-up;
/// a missing runtime makes the language unavailable with a reason, never a crash.
/// </summary>
internal abstract class LanguageAdapter
{
    public abstract string Id { get; }
    public abstract string Name { get; }

    /// <summary>The file name used when a request sends one file of code without a name.</summary>
    public abstract string EntryFileName { get; }

    public virtual bool NeedsCompile => false;

    /// <summary>RLIMIT_AS works for this runtime (used only when no memory cgroup is available).</summary>
    public virtual bool AllowsAddressSpaceLimit => false;

    /// <summary>Run-step defaults that differ from the global ones (before configuration overrides).</summary>
    public virtual LimitOverrides? RunDefaults => null;

    /// <summary>Size of the compile step's private /tmp (build caches live there).</summary>
    public virtual int CompileTmpMegabytes => 128;

    /// <summary>
    /// What of the host the language's steps see, read-only: its runtime and compiler, the libraries they load, the
    /// judge's tools (set by <see cref="Probe"/>, from the real files; nothing else of <c>/usr</c>).
    /// </summary>
    public RuntimeView View { get; protected set; } = RuntimeView.Empty;

    /// <summary>
    /// Finds the runtime and its version and builds <see cref="View"/>; returns the reason it cannot run, or null
    /// (a path the runtime needs that is missing throws <see cref="FileNotFoundException"/>, which is that reason).
    /// </summary>
    public abstract string? Probe(JudgeTools tools);

    public string Version { get; protected set; } = "";

    /// <summary>Host-written helper files (written before any sandboxed step, like the learner's files).</summary>
    public virtual IEnumerable<(string Path, string Content)> HelperFiles(string entry, EffectiveLimits run) => [];

    public virtual SandboxCommand? Compile(string entry, IReadOnlyList<SourceFile> files) => null;

    /// <summary>A warm compile server for this language, or null: then every compile is a <see cref="Compile"/> step.</summary>
    public virtual CompileServerSpec? CompileServer(EffectiveLimits limits) => null;

    public abstract SandboxCommand Run(string entry, IReadOnlyList<SourceFile> files, IReadOnlyList<string> args, EffectiveLimits limits);

    /// <summary>Whether the runtime's own out-of-memory report appears in stderr (heap caps below the cgroup limit).</summary>
    public virtual bool ReportsOutOfMemory(string stderr) => false;

    protected static Dictionary<string, string> BaseEnvironment() => new()
    {
        ["PATH"] = "/usr/bin:/bin",
        ["HOME"] = "/tmp",
        ["TMPDIR"] = "/tmp",
        ["LANG"] = "C.UTF-8",
        ["LC_ALL"] = "C.UTF-8",
    };

    protected static string Box(string relative) => BubblewrapCommand.BoxDir + "/" + relative;

    /// <summary>Runs a trusted host command (version probes only) and returns stdout+stderr, or null on failure.</summary>
    protected static string? HostOutput(string file, params string[] args) => LanguageAdapterProbe.Output(file, args);

    protected static string RealPath(string path)
    {
        var info = new FileInfo(path);
        return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName;
    }

    /// <summary>Time zones (python's zoneinfo, Go's time.LoadLocation, .NET's TimeZoneInfo read tzdata here).</summary>
    protected const string ZoneInfo = "/usr/share/zoneinfo";
}

/// <summary>Runs trusted host commands for version probes.</summary>
internal static class LanguageAdapterProbe
{
    public static string? Output(string file, params string[] args)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            var psi = new ProcessStartInfo(file)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in args)
            {
                psi.ArgumentList.Add(arg);
            }

            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(15000))
            {
                process.Kill(true);
                return null;
            }

            return process.ExitCode == 0 ? (stdout.Result + stderr.Result).Trim() : null;
        }
        catch (Exception e) when (e is IOException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}
