using System.Globalization;
using Compila.Judge.Sandbox;

namespace Compila.Judge.Languages;

/// <summary>
/// Java 17: javac in a sandboxed step, then java with a heap sized below the memory limit. When Debian's junit5 is
/// installed and a source file uses <c>org.junit</c>, JUnit 5 (its console-standalone jar: Jupiter API, params and
/// engine, the platform launcher) is on the class path; only then, as it makes javac a third slower.
/// </summary>
internal sealed class Java : LanguageAdapter
{
    private const string Classes = ".classes";
    private const string JavacArchiveInBox = "/opt/judge/javac.jsa";
    private static readonly string[] JavacFlags = ["-J-XX:+UseSerialGC", "-J-XX:TieredStopAtLevel=1", "-J-XX:-UsePerfData", "-J-Xmx384m"];
    private const string JUnitJar = "/usr/share/java/junit-platform-console-standalone.jar";
    private bool _javacArchive;
    private string _home = "";
    private string? _junit;

    /// <summary>
    /// The JDK's native libraries that load libraries of the desktop (X11 windows, fonts, JPEG and colour profiles,
    /// sound, the splash screen), smart cards and accessibility: a judged program never needs them, and those libraries
    /// (X11, freetype, ALSA, D-Bus...) stay out of the sandbox. Headless AWT (BufferedImage) needs none of them.
    /// </summary>
    private static readonly HashSet<string> DesktopLibraries = new(StringComparer.Ordinal)
    {
        "libawt_xawt.so", "libjawt.so", "libsplashscreen.so", "libfontmanager.so", "libjavajpeg.so", "liblcms.so",
        "libjsound.so", "libj2pcsc.so", "libatk-wrapper.so",
    };

    public override string Id => "java";
    public override string Name => "Java";
    public override string EntryFileName => "Main.java";
    public override bool NeedsCompile => true;

    // The JVM's own footprint (metaspace, code cache, threads) needs room above the heap.
    public override LimitOverrides RunDefaults => new() { MemoryMegabytes = 256 };

    public override string? Probe(JudgeTools tools)
    {
        if (!File.Exists("/usr/bin/javac"))
        {
            return "javac not found: install openjdk-17-jdk-headless.";
        }

        _home = Path.GetDirectoryName(Path.GetDirectoryName(RealPath("/usr/bin/javac")))!;
        var output = HostOutput(Path.Combine(_home, "bin", "java"), "-version");
        if (output is null)
        {
            return $"{_home}/bin/java not working.";
        }

        var first = output.Split('\n')[0];
        var quote = first.IndexOf('"', StringComparison.Ordinal);
        Version = quote >= 0 ? first[(quote + 1)..first.LastIndexOf('"')] : first;
        _junit = File.Exists(JUnitJar) ? JUnitJar : null;

        // The JDK (its conf/ links into /etc/java-17-openjdk come along), java and javac with their libraries, and the
        // libraries of the JDK's own native code but the desktop's.
        var view = RuntimeViewBuilder.Base(tools.FileSystem)
            .Require(_home)
            .Executable(Path.Combine(_home, "bin", "java"))
            .Executable(Path.Combine(_home, "bin", "javac"))
            .LibrariesOf(Directory.GetFiles(Path.Combine(_home, "lib"), "*.so", SearchOption.AllDirectories)
                .Where(f => !DesktopLibraries.Contains(Path.GetFileName(f))));
        if (_junit is not null)
        {
            // Debian's console-standalone jar names its other jars in its manifest's Class-Path, and those theirs.
            foreach (var folder in ClassPath(_junit).Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal))
            {
                view.Require(folder!);
            }
        }

        if (JavacArchive(tools.WorkRoot) is { } archive)
        {
            view.BindAs(tools.FileSystem.Stage(archive), JavacArchiveInBox);
            _javacArchive = true;
        }

        View = view.Build();
        return null;
    }

    /// <summary>A jar and every jar its manifest's <c>Class-Path</c> names, recursively (entries that do not exist are skipped, as the JVM does).</summary>
    private static List<string> ClassPath(string jar)
    {
        var found = new List<string>();
        var pending = new Stack<string>([jar]);
        while (pending.TryPop(out var next))
        {
            if (found.Contains(next) || !File.Exists(next))
            {
                continue;
            }

            found.Add(next);
            if (Manifest(next) is not { } manifest)
            {
                continue;
            }

            foreach (var line in manifest.Split('\n').Where(l => l.StartsWith("Class-Path:", StringComparison.Ordinal)))
            {
                foreach (var item in line["Class-Path:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    pending.Push(item.StartsWith('/') ? item : Path.Combine(Path.GetDirectoryName(next)!, item));
                }
            }
        }

        return found;
    }

    /// <summary>
    /// A jar's manifest with its folded lines joined (lines are folded at 72 bytes: one starting with a space continues
    /// the previous one); null if it has none or is no jar.
    /// </summary>
    private static string? Manifest(string jar)
    {
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(jar);
            if (zip.GetEntry("META-INF/MANIFEST.MF") is not { } entry)
            {
                return null;
            }

            using var reader = new StreamReader(entry.Open());
            return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n ", "", StringComparison.Ordinal);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// A class-data-sharing archive of javac itself (AppCDS, built once per JDK version on the host from a trusted
    /// sample): javac then starts with its classes already parsed and verified, about a third less CPU per compile.
    /// </summary>
    private string? JavacArchive(string workRoot)
    {
        var cache = Path.Combine(workRoot, "cache");
        var archive = Path.Combine(cache, $"javac-{Version}.jsa");
        if (File.Exists(archive))
        {
            return archive;
        }

        var scratch = Path.Combine(cache, "javac-" + Guid.NewGuid().ToString("N"));
        try
        {
            const UnixFileMode open = (UnixFileMode)0b111_101_101;
            Directory.CreateDirectory(cache, open);
            File.SetUnixFileMode(cache, open);
            Directory.CreateDirectory(scratch);
            File.WriteAllText(Path.Combine(scratch, "Main.java"), Sample);
            var built = Path.Combine(scratch, "javac.jsa");
            var output = HostOutput(_home + "/bin/javac", [.. JavacFlags, $"-J-XX:ArchiveClassesAtExit={built}",
                "-encoding", "UTF-8", "-d", Path.Combine(scratch, "out"), Path.Combine(scratch, "Main.java")]);
            if (output is null || !File.Exists(built))
            {
                return null;
            }

            File.SetUnixFileMode(built, (UnixFileMode)0b110_100_100);
            File.Move(built, archive, overwrite: true);
            return archive;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, true);
            }
        }
    }

    private const string Sample = """
        import java.util.*;
        import java.util.stream.*;

        public class Main {
            public static void main(String[] args) {
                Scanner in = new Scanner(System.in);
                List<Integer> xs = new ArrayList<>();
                Map<String, Integer> counts = new HashMap<>();
                while (in.hasNextInt()) xs.add(in.nextInt());
                counts.merge("n", xs.size(), Integer::sum);
                System.out.println(String.format("%d %s", xs.stream().mapToInt(Integer::intValue).sum(), counts)
                    + xs.stream().map(String::valueOf).collect(Collectors.joining(",")));
            }
        }
        """;

    public override SandboxCommand Compile(string entry, IReadOnlyList<SourceFile> files) => new(
        [
            _home + "/bin/javac", .. JavacFlags,
            _javacArchive ? "-J-XX:SharedArchiveFile=" + JavacArchiveInBox : "-J-Xshare:auto",
            "-encoding", "UTF-8", "-d", Box(Classes), .. JUnitFor(files) is { } junit ? ["-cp", junit] : Array.Empty<string>(),
            .. files.Select(f => f.Path).Where(f => f.EndsWith(".java", StringComparison.Ordinal)),
        ],
        BaseEnvironment());

    public override SandboxCommand Run(string entry, IReadOnlyList<SourceFile> files, IReadOnlyList<string> args, EffectiveLimits limits)
    {
        var heap = Math.Max(16, limits.MemoryMegabytes * 3 / 4).ToString(CultureInfo.InvariantCulture);
        var mainClass = Path.GetFileNameWithoutExtension(entry);
        return new SandboxCommand(
            [
                _home + "/bin/java",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData",
                $"-Xmx{heap}m", "-Xss8m", "-XX:ReservedCodeCacheSize=32m",
                "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                "-cp", JUnitFor(files) is { } junit ? Box(Classes) + ":" + junit : Box(Classes), mainClass, .. args,
            ],
            BaseEnvironment());
    }

    private string? JUnitFor(IReadOnlyList<SourceFile> files) =>
        _junit is not null && files.Any(f => f.Content.Contains("org.junit", StringComparison.Ordinal)) ? _junit : null;

    public override bool ReportsOutOfMemory(string stderr) => stderr.Contains("java.lang.OutOfMemoryError", StringComparison.Ordinal);
}
