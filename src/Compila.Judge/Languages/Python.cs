using Compila.Judge.Sandbox;

namespace Compila.Judge.Languages;

/// <summary>
/// Python 3 (Debian's python3): the interpreter, its standard library (asked of the interpreter itself) with the
/// extension modules' libraries, and tzdata. Not <c>/usr/lib/python3/dist-packages</c> or <c>/usr/local</c>.
/// </summary>
internal sealed class Python : LanguageAdapter
{
    private const string Interpreter = "/usr/bin/python3";

    public override string Id => "python";
    public override string Name => "Python";
    public override string EntryFileName => "main.py";
    public override bool AllowsAddressSpaceLimit => true;

    public override string? Probe(JudgeTools tools)
    {
        // -I: no user site, no environment; the interpreter says where its standard library and extension modules are.
        var output = HostOutput(Interpreter, "-I", "-c",
            "import sys, sysconfig; print(sys.version.split()[0]); print(sysconfig.get_path('stdlib')); print(sysconfig.get_config_var('DESTSHARED') or '')");
        if (output?.Split('\n') is not [var version, var stdlib, var extensions])
        {
            return $"{Interpreter} not found or not working.";
        }

        Version = version.Trim();
        var view = RuntimeViewBuilder.Base(tools.FileSystem).Executable(Interpreter).Require(stdlib.Trim());
        extensions = extensions.Trim();
        if (extensions.Length > 0 && Directory.Exists(extensions))
        {
            view.Require(extensions).LibrariesOf(Directory.GetFiles(extensions, "*.so"));
        }

        View = view.Optional(ZoneInfo).Build();
        return null;
    }

    public override SandboxCommand Run(string entry, IReadOnlyList<SourceFile> files, IReadOnlyList<string> args, EffectiveLimits limits)
    {
        var env = BaseEnvironment();
        env["PYTHONDONTWRITEBYTECODE"] = "1";
        return new SandboxCommand([Interpreter, "-B", Box(entry), .. args], env);
    }

    public override bool ReportsOutOfMemory(string stderr) => stderr.Contains("\nMemoryError", StringComparison.Ordinal);
}
