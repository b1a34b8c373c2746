using System.Text.Json;
using Compila.Judge.Sandbox;

namespace Compila.Judge.Languages;

/// <summary>TypeScript: type-checked and compiled by tsc (from tools/judge, installed with npm ci) in a sandboxed step, then run by Node.</summary>
internal sealed class TypeScript : LanguageAdapter
{
    private const string ModulesInBox = "/opt/judge/node_modules";
    private const string OutDir = ".out";
    private readonly NodeRuntime _node = new();
    private string? _modules;

    public override string Id => "typescript";
    public override string Name => "TypeScript";
    public override string EntryFileName => "main.ts";
    public override bool NeedsCompile => true;
    public override IReadOnlyList<Bind> Binds => _modules is null ? _node.Binds : [.. _node.Binds, new Bind(_modules, ModulesInBox)];

    public override string? Probe(JudgeTools tools)
    {
        if (tools.Directory is null)
        {
            return "tools/judge not found: run scripts/setup-runtimes.sh (npm ci).";
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

        if (Native.IsRoot && !HostPaths.TraversableByOthers(modules))
        {
            // A private parent folder (e.g. a checkout under /root): the sandbox user could not reach it.
            var copy = Path.Combine(tools.WorkRoot, "tools", "node_modules");
            HostPaths.CopyReadable(modules, copy);
            modules = copy;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(package));
        Version = $"{json.RootElement.GetProperty("version").GetString()} (Node.js {_node.Version})";
        _modules = modules;
        return null;
    }

    public override SandboxCommand Compile(string entry, IReadOnlyList<string> files) => new(
        [
            _node.Path, ModulesInBox + "/typescript/lib/tsc.js",
            "--outDir", Box(OutDir), "--rootDir", Bubblewrap.BoxDir,
            "--target", "es2022", "--module", "commonjs", "--esModuleInterop",
            "--types", "node", "--typeRoots", ModulesInBox + "/@types",
            "--skipLibCheck", "--noEmitOnError", "--pretty", "false", "--newLine", "lf",
            .. files.Where(f => f.EndsWith(".ts", StringComparison.Ordinal)),
        ],
        BaseEnvironment());

    public override SandboxCommand Run(string entry, IReadOnlyList<string> args, EffectiveLimits limits) =>
        new([_node.Path, Box(OutDir + "/" + Path.ChangeExtension(entry, ".js")), .. args], BaseEnvironment());

    public override bool ReportsOutOfMemory(string stderr) => stderr.Contains("JavaScript heap out of memory", StringComparison.Ordinal);
}
