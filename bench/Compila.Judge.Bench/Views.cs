using System.Diagnostics;
using Compila.Judge.Sandbox;

namespace Compila.Judge.Bench;

/// <summary>
/// What the per-language views cost against the view they replaced (all of <c>/usr</c> with <c>/usr/local</c> on an
/// empty tmpfs, <c>/etc/alternatives</c>, <c>/etc/ld.so.cache</c>, <c>/etc/localtime</c>, the run folder on the host's
/// file system): the same bubblewrap step with one view and the other, in pairs whose order alternates, so machine
/// load hits both alike. bubblewrap runs alone (as the caller), with a short program per runtime.
/// </summary>
internal static class Views
{
    private static readonly string[] MergedUsrLinks = ["/lib", "/lib64", "/bin", "/sbin"];

    public static void Run(BubblewrapJudge judge, int pairs)
    {
        var limits = new EffectiveLimits(5, 10, 256, 60, 1024, 1024, 64);
        var java = judge.View("java").Binds.First(b => b.Target.Contains("/jvm/", StringComparison.Ordinal)).Target;
        var go = judge.View("go").Binds.First(b => b.Target.Contains("/go", StringComparison.Ordinal) && b.Target.StartsWith("/usr/lib/", StringComparison.Ordinal)).Target;
        var dotnet = judge.View("csharp").Binds.First(b => b.Target.EndsWith("/dotnet", StringComparison.Ordinal)).Target;
        (string Language, string Name, string[] Command, string File, string Content)[] cases =
        [
            ("python", "python hello", ["/usr/bin/python3", "-B", "/box/main.py"], "main.py", "print('Olá')\n"),
            ("javascript", "node hello", ["/usr/bin/node", "/box/main.js"], "main.js", "console.log('Olá')\n"),
            ("java", "java -version", [java + "/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-version"], "x", ""),
            ("go", "go version", [go + "/bin/go", "version"], "x", ""),
            ("csharp", "dotnet --list-runtimes", [dotnet, "--list-runtimes"], "x", ""),
        ];
        Console.WriteLine($"Load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start, {pairs} pairs per row, {judge.Sandbox.Description}.");
        Console.WriteLine();
        Console.WriteLine("| bubblewrap step | all of /usr, median / p95 (ms) | the language's view, median / p95 (ms) | median of paired differences (ms) |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (language, name, command, file, content) in cases)
        {
            var view = judge.View(language);
            // The former view, with the JDK's /etc folder it bound for java.
            var usr = new RuntimeView(
                [.. MergedUsrLinks.Where(l => new FileInfo(l).LinkTarget is not null).Select(l => new Symlink(new FileInfo(l).LinkTarget!, l))],
                [
                    new Bind("/usr", "/usr"), new Bind("/etc/alternatives", "/etc/alternatives"), new Bind("/etc/ld.so.cache", "/etc/ld.so.cache"),
                    new Bind(new FileInfo("/etc/localtime").ResolveLinkTarget(true)?.FullName ?? "/etc/localtime", "/etc/localtime"),
                    .. language == "java" ? Directory.GetDirectories("/etc", "java-*-openjdk").Select(d => new Bind(d, d)) : [],
                ]);
            var hostBox = Box(Path.GetTempPath(), file, content);
            var judgeBox = Box(judge.WorkFileSystemRoot, file, content);
            var env = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["LANG"] = "C.UTF-8", ["HOME"] = "/tmp", ["DOTNET_ROOT"] = Path.GetDirectoryName(dotnet)! };
            var before = BubblewrapCommand.BwrapArguments(new SandboxStep { Command = command, Environment = env, HostWorkDir = hostBox, Limits = limits, View = usr });
            before.InsertRange(before.IndexOf("--proc"), ["--size", "4096", "--tmpfs", "/usr/local"]);
            before.InsertRange(before.IndexOf("--remount-ro"), ["--remount-ro", "/usr/local"]);
            var after = BubblewrapCommand.BwrapArguments(new SandboxStep { Command = command, Environment = env, HostWorkDir = judgeBox, Limits = limits, View = view });
            Spawn(before);
            Spawn(after);
            var a = new List<double>();
            var b = new List<double>();
            var d = new List<double>();
            for (var i = 0; i < pairs; i++)
            {
                double x, y;
                if (i % 2 == 0)
                {
                    x = Spawn(before);
                    y = Spawn(after);
                }
                else
                {
                    y = Spawn(after);
                    x = Spawn(before);
                }

                a.Add(x);
                b.Add(y);
                d.Add(y - x);
            }

            Console.WriteLine($"| {name} | {Stats.Median(a):0.0} / {Stats.P95(a):0.0} | {Stats.Median(b):0.0} / {Stats.P95(b):0.0} | {Stats.Median(d):+0.0;-0.0} |");
            Directory.Delete(hostBox, true);
            Directory.Delete(judgeBox, true);
        }
    }

    private static string Box(string root, string file, string content)
    {
        var dir = Path.Combine(root, "views-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, file), content);
        return dir;
    }

    private static double Spawn(List<string> bwrapArguments)
    {
        var psi = new ProcessStartInfo("/usr/bin/bwrap") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        bwrapArguments.ForEach(psi.ArgumentList.Add);
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bwrap {string.Join(' ', bwrapArguments)}: {error}{output.Result}");
        }

        return sw.Elapsed.TotalMilliseconds;
    }
}
