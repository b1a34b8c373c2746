using System.Text.Json;
using Compila.Judge.Sandbox;

namespace Compila.Judge.Languages;

/// <summary>TypeScript: type-checked and compiled by tsc (from tools/judge, installed with npm ci) in a sandboxed step, then run by Node.</summary>
internal sealed class TypeScript : LanguageAdapter
{
    private const string ModulesInBox = "/opt/judge/node_modules";
    private const string OutDir = ".out";
    private string? _modules;

    public override string Id => "typescript";
    public override string Name => "TypeScript";
    public override string EntryFileName => "main.ts";
    public override bool NeedsCompile => true;
    public override IReadOnlyList<Bind> Binds => _modules is null ? [] : [new Bind(_modules, ModulesInBox)];

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

        var node = HostOutput(JavaScript.Node, "--version");
        if (node is null)
        {
            return $"{JavaScript.Node} not found or not working.";
        }

        using var json = JsonDocument.Parse(File.ReadAllText(package));
        Version = $"{json.RootElement.GetProperty("version").GetString()} (Node.js {node.TrimStart('v')})";
        _modules = modules;
        return null;
    }

    public override SandboxCommand Compile(string entry, IReadOnlyList<string> files) => new(
        [
            JavaScript.Node, ModulesInBox + "/typescript/lib/tsc.js",
            "--outDir", Box(OutDir), "--rootDir", Bubblewrap.BoxDir,
            "--target", "es2022", "--module", "commonjs", "--esModuleInterop",
            "--types", "node", "--typeRoots", ModulesInBox + "/@types",
            "--skipLibCheck", "--noEmitOnError", "--pretty", "false", "--newLine", "lf",
            .. files.Where(f => f.EndsWith(".ts", StringComparison.Ordinal)),
        ],
        BaseEnvironment());

    public override SandboxCommand Run(string entry, IReadOnlyList<string> args, EffectiveLimits limits) =>
        new([JavaScript.Node, Box(OutDir + "/" + Path.ChangeExtension(entry, ".js")), .. args], BaseEnvironment());

    public override bool ReportsOutOfMemory(string stderr) => stderr.Contains("JavaScript heap out of memory", StringComparison.Ordinal);
}
