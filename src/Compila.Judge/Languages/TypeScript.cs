using System.Text.Json;
using Compila.Judge.Sandbox;

namespace Compila.Judge.Languages;

/// <summary>
/// TypeScript: type-checked and compiled (es2022, CommonJS, @types/node, no DOM) in a sandboxed step by the
/// TypeScript compiler from tools/judge (npm ci), started from a V8 snapshot with its libraries pre-parsed when
/// setup-runtimes.sh built one, else as a cold tsc; then run by Node.
/// </summary>
internal sealed class TypeScript : LanguageAdapter
{
    private const string ModulesInBox = "/opt/judge/node_modules";
    private const string OutDir = ".out";
    private const string SnapshotInModules = ".compila/tsc.blob";
    private bool _snapshot;
    private readonly NodeRuntime _node = new();

    public override string Id => "typescript";
    public override string Name => "TypeScript";
    public override string EntryFileName => "main.ts";
    public override bool NeedsCompile => true;

    public override string? Probe(JudgeTools tools)
    {
        if (tools.Directory is null)
        {
            return $"tools/judge not found beside the app ({AppContext.BaseDirectory} or a parent folder): run scripts/setup-judge-tools.sh, publish again, or set Compila__Judge__ToolsDirectory.";
        }

        var modules = Path.Combine(tools.Directory, "node_modules");
        var package = Path.Combine(modules, "typescript", "package.json");
        if (!File.Exists(package) || !File.Exists(Path.Combine(modules, "@types", "node", "package.json")))
        {
            return $"typescript or @types/node missing in {modules}: run scripts/setup-runtimes.sh (npm ci).";
        }

        if (_node.Probe() is { } reason)
        {
            return reason;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(package));
        var version = json.RootElement.GetProperty("version").GetString();
        Version = $"{version} (Node.js {_node.Version})";

        // The snapshot must have been built by this very Node.js; otherwise fall back to a cold tsc.
        var snapshot = Path.Combine(modules, SnapshotInModules);
        _snapshot = File.Exists(snapshot)
            && LanguageAdapterProbe.Output(_node.Path, "--snapshot-blob", snapshot, "version") == version;
        // A copy on the judge's file system: bound from the repository or publish folder, its path would show in
        // the sandbox's mountinfo (and a private parent folder, as a checkout under /root, would keep the sandbox out).
        View = _node.ViewBuilder(tools).BindAs(tools.FileSystem.Stage(modules), ModulesInBox).Build();
        return null;
    }

    /// <summary>Whether compiles use the prebuilt compiler snapshot (tools/judge/tsc-snapshot.js).</summary>
    public bool UsesSnapshot => _snapshot;

    /// <summary>Compile with the cold tsc (the benchmark's baseline; the snapshot only works at sandbox paths).</summary>
    public void DisableSnapshot() => _snapshot = false;

    public override SandboxCommand Compile(string entry, IReadOnlyList<SourceFile> files)
    {
        var sources = files.Select(f => f.Path).Where(f => f.EndsWith(".ts", StringComparison.Ordinal)).ToList();
        if (_snapshot)
        {
            // Same options as below, with the libraries already parsed and bound in the snapshot.
            return new SandboxCommand(
                [_node.Path, "--snapshot-blob", ModulesInBox + "/" + SnapshotInModules, Box(OutDir), .. sources.Select(Box)],
                BaseEnvironment());
        }

        return new SandboxCommand(
            [
                _node.Path, ModulesInBox + "/typescript/lib/tsc.js",
                "--outDir", Box(OutDir), "--rootDir", BubblewrapCommand.BoxDir,
                "--target", "es2022", "--lib", "es2022", "--module", "commonjs", "--esModuleInterop",
                "--types", "node", "--typeRoots", ModulesInBox + "/@types",
                "--skipLibCheck", "--noEmitOnError", "--pretty", "false", "--newLine", "lf",
                .. sources,
            ],
            BaseEnvironment());
    }

    public override IEnumerable<(string Path, string Content)> HelperFiles(string entry, EffectiveLimits run) => [NodeRuntime.BlockingStdio];

    public override SandboxCommand Run(string entry, IReadOnlyList<SourceFile> files, IReadOnlyList<string> args, EffectiveLimits limits) =>
        new([.. _node.RunPrefix, Box(OutDir + "/" + Path.ChangeExtension(entry, ".js")), .. args], BaseEnvironment());

    public override bool ReportsOutOfMemory(string stderr) => stderr.Contains("JavaScript heap out of memory", StringComparison.Ordinal);
}
