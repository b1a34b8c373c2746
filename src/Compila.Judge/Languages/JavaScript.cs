namespace Compila.Judge.Languages;

internal sealed class JavaScript : LanguageAdapter
{
    public const string Node = "/usr/bin/node";

    public override string Id => "javascript";
    public override string Name => "JavaScript (Node.js)";
    public override string EntryFileName => "main.js";

    public override string? Probe(JudgeTools tools)
    {
        var output = HostOutput(Node, "--version");
        if (output is null)
        {
            return $"{Node} not found or not working.";
        }

        Version = output.TrimStart('v');
        return null;
    }

    public override SandboxCommand Run(string entry, IReadOnlyList<string> args, Sandbox.EffectiveLimits limits) =>
        new([Node, Box(entry), .. args], BaseEnvironment());

    public override bool ReportsOutOfMemory(string stderr) => stderr.Contains("JavaScript heap out of memory", StringComparison.Ordinal);
}
