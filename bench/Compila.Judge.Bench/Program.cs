using System.Diagnostics;
using System.Globalization;
using Compila.Judge;
using Compila.Judge.Bench;
using Microsoft.Extensions.Options;

// Sandboxed runs against the bare runtime, on this machine, in this run.
//   dotnet run -c Release --project bench/Compila.Judge.Bench -- [--iterations N] [--concurrent N] [--languages python,go] [--no-seccomp] [--no-cgroups] [--no-launchers]
//   ... -- --breakdown [--iterations N]   where a python hello's time goes, layer by layer
//   ... -- --views [--iterations N]       each language's view of the host against all of /usr, in alternating pairs
// Prints a Markdown report (the docs/benchmarks.md "Judge" section is pasted from it).
var iterations = Arg("--iterations", 30);
var concurrent = Arg("--concurrent", 40);
var only = ArgText("--languages")?.Split(',') ?? Programs.All.Select(p => p.Language).ToArray();

using var judge = new BubblewrapJudge(Options.Create(new JudgeOptions { QueueCapacity = 1000, UseSeccomp = !args.Contains("--no-seccomp"), UseCgroups = !args.Contains("--no-cgroups"), UseStepLaunchers = !args.Contains("--no-launchers") }));
if (!judge.Sandbox.Available)
{
    Console.Error.WriteLine("sandbox unavailable: " + judge.Sandbox.UnavailableReason);
    return 1;
}

if (args.Contains("--views"))
{
    Views.Run(judge, iterations);
    return 0;
}

if (args.Contains("--breakdown"))
{
    Console.WriteLine($"Load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start, {iterations} iterations.");
    await Breakdown.RunAsync(judge, iterations);
    return 0;
}

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start, {judge.Sandbox.Description}, pool {judge.PoolSize}; {iterations} hello iterations per figure; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
Console.WriteLine();
Console.WriteLine("| language | program | bare median / p95 (ms) | sandboxed median / p95 (ms) | overhead median (ms) | ratio |");
Console.WriteLine("|---|---|---|---|---|---|");
var compileRows = new List<string>();
foreach (var program in Programs.All.Where(p => only.Contains(p.Language)))
{
    using var bare = BareRuntime.Prepare(program);
    foreach (var (name, source) in new[] { ("hello", program.Hello), ("cpu-bound", program.CpuBound) })
    {
        var n = name == "hello" ? iterations : Math.Max(5, iterations / 3);
        // Bare and sandboxed runs alternate (in rounds of 5), so machine load hits both alike.
        var bareTimes = new List<double>();
        var sandboxed = new List<double>();
        for (var done = 0; done < n; done += 5)
        {
            var round = Math.Min(5, n - done);
            bareTimes.AddRange(bare.Time(name, round));
            if (program.Compiled)
            {
                // Compile once per round; the run figures are the judge's per-run wall times (process chain, namespaces,
                // program), the compile is reported separately below.
                var batch = await judge.RunBatchAsync(new BatchRequest(program.Language, [new SourceFile(program.File, source)],
                    Enumerable.Range(0, round).Select(_ => new RunInput()).ToList()));
                Check(batch.Compiled && batch.Runs.All(r => r.Status == RunStatus.Accepted), program.Language,
                    batch.CompileOutput ?? (batch.Runs.Count > 0 ? batch.Runs[0].Stderr : ""));
                sandboxed.AddRange(batch.Runs.Select(r => r.WallTimeMs));
            }
            else
            {
                for (var i = 0; i < round; i++)
                {
                    // End to end through the public API: work folder, queue, cgroups, sandbox, result.
                    var sw = Stopwatch.StartNew();
                    var result = await judge.RunAsync(new RunRequest(program.Language, [new SourceFile(program.File, source)]));
                    sandboxed.Add(sw.Elapsed.TotalMilliseconds);
                    Check(result.Status == RunStatus.Accepted, program.Language, result.Stderr);
                }
            }
        }

        Console.WriteLine($"| {program.Language} | {name} | {F(Median(bareTimes))} / {F(P95(bareTimes))} | {F(Median(sandboxed))} / {F(P95(sandboxed))} | {F(Median(sandboxed) - Median(bareTimes))} | {Median(sandboxed) / Median(bareTimes):0.00}x |");
    }

    if (program.Compiled)
    {
        var compileBare = new List<double>();
        var compileSandboxed = new List<double>();
        var endToEnd = new List<double>();
        for (var i = 0; i < Math.Max(3, iterations / 6); i++)
        {
            compileBare.AddRange(bare.CompileTimes(1));
            var sw = Stopwatch.StartNew();
            var result = await judge.RunBatchAsync(new BatchRequest(program.Language, [new SourceFile(program.File, program.Hello)], [new RunInput()]));
            endToEnd.Add(sw.Elapsed.TotalMilliseconds);
            compileSandboxed.Add(result.CompileWallTimeMs);
        }

        compileRows.Add($"| {program.Language} | {F(Median(compileBare))} | {F(Median(compileSandboxed))} / {F(P95(compileSandboxed))} | {F(Median(endToEnd))} / {F(P95(endToEnd))} |");
    }
}

if (compileRows.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("| language | bare compile median (ms) | sandboxed compile median / p95 (ms) | compile + run hello, end to end, median / p95 (ms) |");
    Console.WriteLine("|---|---|---|---|");
    compileRows.ForEach(Console.WriteLine);
}

Console.WriteLine();
Console.WriteLine($"| language | {concurrent} concurrent hello runs: bare runs/s (pool {judge.PoolSize}) | sandboxed runs/s | ratio |");
Console.WriteLine("|---|---|---|---|");
foreach (var program in Programs.All.Where(p => only.Contains(p.Language) && !p.Compiled))
{
    using var bare = BareRuntime.Prepare(program);
    var bareRate = await Throughput(concurrent, judge.PoolSize, _ => Task.Run(() => bare.Time("hello", 1)));
    var sandboxRate = await Throughput(concurrent, concurrent, async _ =>
    {
        var result = await judge.RunAsync(new RunRequest(program.Language, [new SourceFile(program.File, program.Hello)]));
        Check(result.Status == RunStatus.Accepted, program.Language, result.Stderr);
    });
    Console.WriteLine($"| {program.Language} | {bareRate:0.0} | {sandboxRate:0.0} | {sandboxRate / bareRate:0.00}x |");
}

return 0;

static async Task<double> Throughput(int total, int parallel, Func<int, Task> run)
{
    using var gate = new SemaphoreSlim(parallel);
    var sw = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, total).Select(async i =>
    {
        await gate.WaitAsync();
        try
        {
            await run(i);
        }
        finally
        {
            gate.Release();
        }
    }));
    return total / sw.Elapsed.TotalSeconds;
}

static void Check(bool ok, string language, string detail)
{
    if (!ok)
    {
        throw new InvalidOperationException($"{language}: run failed: {detail}");
    }
}

static double Median(List<double> xs) => Stats.Median(xs);
static double P95(List<double> xs) => Stats.P95(xs);

static string F(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);

int Arg(string name, int fallback) => ArgText(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
string? ArgText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
