using System.Diagnostics;
using Compila.Judge.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace Compila.Judge.Bench;

/// <summary>
/// Where a sandboxed python hello world spends its time, measured interleaved (A B C D A B C D ...) so machine load
/// hits every layer alike: bare process, bubblewrap alone, the full exec chain, the sandbox step joining cgroups or
/// forked by a slot launcher already in them, the judge.
/// </summary>
internal static class Breakdown
{
    public static async Task RunAsync(BubblewrapJudge judge, int iterations)
    {
        var box = Directory.CreateTempSubdirectory("compila-judge-breakdown-").FullName;
        File.SetUnixFileMode(box, (UnixFileMode)0b111_101_101);
        File.WriteAllText(Path.Combine(box, "main.py"), "print('Olá, ação ✓')\n");
        File.SetUnixFileMode(Path.Combine(box, "main.py"), (UnixFileMode)0b110_100_100);
        var limits = new EffectiveLimits(5, 10, 128, 60, 1024, 1024, 64);
        var step = new SandboxStep
        {
            Command = ["/usr/bin/python3", "-B", "/box/main.py"],
            Environment = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["LANG"] = "C.UTF-8" },
            View = judge.View("python"),
            HostWorkDir = box,
            Limits = limits,
            HostUid = Native.IsRoot ? 64999 : null,
        };
        var noCgroups = new BubblewrapCommand("/usr/bin/bwrap", Cgroups.Probe("/nonexistent", false));
        var withCgroups = new BubblewrapRunner(
            new BubblewrapCommand("/usr/bin/bwrap", Cgroups.Probe("/sys/fs/cgroup", Native.IsRoot, pids: !Native.IsRoot)), NullLogger.Instance);
        using var launcher = new LauncherSlot(withCgroups.Cgroups, 64999, new JudgeOptions().WorkRoot, NullLogger.Instance);
        var chain = noCgroups.OuterArguments(step, null);
        var bwrapOnly = new List<string> { "/usr/bin/bwrap" };
        bwrapOnly.AddRange(BubblewrapCommand.BwrapArguments(step));

        var layers = new (string Name, Func<Task> Run)[]
        {
            ("bare python3 (Process.Start)", () => Spawn(["/usr/bin/python3", "-B", Path.Combine(box, "main.py")])),
            ("bwrap only (namespaces, binds)", () => Spawn(bwrapOnly)),
            ("sh (rlimits)+setpriv+bwrap chain", () => Spawn(chain)),
            ("sandbox step (chain + joins fresh cgroups + capture)", () => withCgroups.RunAsync(step, CancellationToken.None)),
            ("sandbox step (chain forked by a slot launcher in its cgroups + capture)", () => withCgroups.RunAsync(step, CancellationToken.None, launcher)),
            ("judge.RunAsync (work folder, queue, result)", () => judge.RunAsync(new RunRequest("python", [new SourceFile("main.py", "print('Olá, ação ✓')\n")]))),
        };
        var times = layers.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < iterations; i++)
        {
            for (var l = 0; l < layers.Length; l++)
            {
                var sw = Stopwatch.StartNew();
                await layers[l].Run();
                times[l].Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine("| layer (python hello, interleaved) | median (ms) | p95 (ms) |");
        Console.WriteLine("|---|---|---|");
        for (var l = 0; l < layers.Length; l++)
        {
            Console.WriteLine($"| {layers[l].Name} | {Stats.Median(times[l]):0.0} | {Stats.P95(times[l]):0.0} |");
        }

        Directory.Delete(box, true);
    }

    private static async Task Spawn(List<string> argv)
    {
        var psi = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in argv.Skip(1))
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Clear();
        psi.Environment["PATH"] = "/usr/bin:/bin";
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Task.WhenAll(stdout, stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{argv[0]} exited {process.ExitCode}: {stderr.Result}");
        }
    }
}

internal static class Stats
{
    public static double Median(List<double> xs) => Percentile(xs, 0.5);
    public static double P95(List<double> xs) => Percentile(xs, 0.95);

    public static double Percentile(List<double> xs, double p)
    {
        var sorted = xs.Order().ToList();
        var rank = p * (sorted.Count - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }
}
