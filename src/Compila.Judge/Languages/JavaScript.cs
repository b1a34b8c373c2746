using Compila.Judge.Sandbox;

namespace Compila.Judge.Languages;

internal sealed class JavaScript : LanguageAdapter
{
    private readonly NodeRuntime _node = new();

    public override string Id => "javascript";
    public override string Name => "JavaScript (Node.js)";
    public override string EntryFileName => "main.js";
    public override string? Probe(JudgeTools tools)
    {
        if (_node.Probe() is { } reason)
        {
            return reason;
        }

        Version = _node.Version;
        View = _node.ViewBuilder(tools).Build();
        return null;
    }

    public override IEnumerable<(string Path, string Content)> HelperFiles(string entry, EffectiveLimits run) => [NodeRuntime.BlockingStdio];

    public override SandboxCommand Run(string entry, IReadOnlyList<SourceFile> files, IReadOnlyList<string> args, EffectiveLimits limits) =>
        new([.. _node.RunPrefix, Box(entry), .. args], BaseEnvironment());

    public override bool ReportsOutOfMemory(string stderr) => stderr.Contains("JavaScript heap out of memory", StringComparison.Ordinal);
}

/// <summary>Finds Node.js (20 or later): /usr/bin/node, else the first node on PATH; the sandbox gets the binary and its libraries.</summary>
internal sealed class NodeRuntime
{
    private const string BlockingStdioFile = ".node-stdio.js";

    /// <summary>
    /// A helper file preloaded into every run: libuv leaves stdout and stderr pipes non-blocking, so a program that
    /// writes in a loop without yielding queues every write in its heap and dies of out-of-memory before the judge
    /// has read enough to stop it for its output. Blocking writes make it wait for the judge's reader instead, and
    /// the output cap is what stops it.
    /// </summary>
    public static readonly (string Path, string Content) BlockingStdio = (BlockingStdioFile,
        "for (const stream of [process.stdout, process.stderr]) stream._handle?.setBlocking?.(true);\n");

    public string Path { get; private set; } = "/usr/bin/node";

    /// <summary>node with the blocking-stdio preload, before the script and its arguments.</summary>
    public IReadOnlyList<string> RunPrefix => [Path, "--require", BubblewrapCommand.BoxDir + "/" + BlockingStdioFile];
    public string Version { get; private set; } = "";

    public string? Probe()
    {
        var candidates = new List<string> { "/usr/bin/node", "/usr/local/bin/node" };
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => System.IO.Path.Combine(d, "node")));
        var found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            return "node not found: install Node.js 20.";
        }

        var real = new FileInfo(found).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? found;
        var output = LanguageAdapterProbe.Output(real, "--version");
        if (output is null)
        {
            return $"{real} not working.";
        }

        Path = real;
        Version = output.TrimStart('v');
        return null;
    }

    /// <summary>The sandbox's view for node: the binary (its built-in modules are compiled in) and the libraries it loads.</summary>
    public RuntimeViewBuilder ViewBuilder(JudgeTools tools) => RuntimeViewBuilder.Base(tools.FileSystem).Executable(Path);
}
