namespace Compila.Judge.Languages;

internal sealed class Python : LanguageAdapter
{
    private const string Interpreter = "/usr/bin/python3";

    public override string Id => "python";
    public override string Name => "Python";
    public override string EntryFileName => "main.py";
    public override bool AllowsAddressSpaceLimit => true;

    public override string? Probe(JudgeTools tools)
    {
        var output = HostOutput(Interpreter, "--version");
        if (output is null)
        {
            return $"{Interpreter} not found or not working.";
        }

        Version = output.Replace("Python ", "", StringComparison.Ordinal);
        return null;
    }

    public override SandboxCommand Run(string entry, IReadOnlyList<SourceFile> files, IReadOnlyList<string> args, Sandbox.EffectiveLimits limits)
    {
        var env = BaseEnvironment();
        env["PYTHONDONTWRITEBYTECODE"] = "1";
        return new SandboxCommand([Interpreter, "-B", Box(entry), .. args], env);
    }

    public override bool ReportsOutOfMemory(string stderr) => stderr.Contains("\nMemoryError", StringComparison.Ordinal);
}
