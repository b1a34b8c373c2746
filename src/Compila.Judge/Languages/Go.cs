using Compila.Judge.Sandbox;

namespace Compila.Judge.Languages;

/// <summary>
/// Go (Debian's golang-go): go build in a sandboxed step with its build cache in the step's private /tmp;
/// the standard library comes precompiled from GOROOT/pkg, so only the learner's package is compiled.
/// When the files include <c>_test.go</c> files the step is <c>go test -c</c> and the program is the test binary
/// (run it with <c>-test.v -test.run ^TestName$</c>).
/// </summary>
internal sealed class Go : LanguageAdapter
{
    private const string Binary = ".main";
    private string _root = "";

    public override string Id => "go";
    public override string Name => "Go";
    public override string EntryFileName => "main.go";
    public override bool NeedsCompile => true;
    public override int CompileTmpMegabytes => 256;

    public override string? Probe(JudgeTools tools)
    {
        if (!File.Exists("/usr/bin/go"))
        {
            return "go not found: install golang-go.";
        }

        _root = Path.GetDirectoryName(Path.GetDirectoryName(RealPath("/usr/bin/go")))!;
        var output = HostOutput(Path.Combine(_root, "bin", "go"), "version");
        if (output is null)
        {
            return $"{_root}/bin/go not working.";
        }

        // "go version go1.19.8 linux/amd64"
        var parts = output.Split(' ');
        Version = parts.Length > 2 ? parts[2].Replace("go", "", StringComparison.Ordinal) : output;

        // GOROOT (Debian links its src, api, misc, test and pkg/include into /usr/share/go-<v>, which comes along),
        // the go command and the toolchain it runs (compile, link...; static binaries, but checked), tzdata.
        var toolchain = Path.Combine(_root, "pkg", "tool");
        View = RuntimeViewBuilder.Base(tools.FileSystem)
            .Require(_root)
            .Executable(Path.Combine(_root, "bin", "go"))
            .LibrariesOf(Directory.Exists(toolchain) ? Directory.GetFiles(toolchain, "*", SearchOption.AllDirectories) : [])
            .Optional(ZoneInfo)
            .Build();
        return null;
    }

    public override SandboxCommand Compile(string entry, IReadOnlyList<SourceFile> files)
    {
        var env = BaseEnvironment();
        env["GOROOT"] = _root;
        env["GOCACHE"] = "/tmp/go-cache";
        env["GOPATH"] = "/tmp/go-path";
        env["GOTMPDIR"] = "/tmp";
        env["GO111MODULE"] = "off";
        env["GOPROXY"] = "off";
        env["CGO_ENABLED"] = "0";
        env["GOFLAGS"] = "-buildvcs=false";
        var sources = files.Select(f => f.Path).Where(f => f.EndsWith(".go", StringComparison.Ordinal)).ToList();
        string[] build = sources.Any(f => f.EndsWith("_test.go", StringComparison.Ordinal)) ? ["test", "-c"] : ["build"];
        return new SandboxCommand([_root + "/bin/go", .. build, "-o", Box(Binary), .. sources], env);
    }

    public override SandboxCommand Run(string entry, IReadOnlyList<SourceFile> files, IReadOnlyList<string> args, EffectiveLimits limits)
    {
        var env = BaseEnvironment();
        // The Go runtime cannot see the cgroup; a soft limit makes its GC work before the kernel kills it.
        env["GOMEMLIMIT"] = $"{Math.Max(8, limits.MemoryMegabytes * 3 / 4)}MiB";
        return new SandboxCommand([Box(Binary), .. args], env);
    }
}
