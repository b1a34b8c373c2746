using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Compila.Fairness.Bench;

// Issue 14: can one account starve the sandbox for everyone else?
//   dotnet build -c Release src/Compila.Web bench/Compila.Fairness.Bench
//   dotnet run -c Release --project bench/Compila.Fairness.Bench --no-build -- [--runs 25] [--hostile-loops 4]
// Starts the Release host with its default limits, then measures a victim's `print(1)` runs (one a second, so the
// victim stays inside the 30 runs/min limit) twice in the same run: alone, and while a hostile account keeps
// `--hostile-loops` requests of `time.sleep(30)` with timeout 20 in flight, sending the next one as soon as one
// ends or is refused (after its Retry-After, at most 2 s). Each phase uses a fresh victim account.
var runs = IntOption("--runs", 25);
var hostileLoops = IntOption("--hostile-loops", 4);
var root = FindRepositoryRoot();
var dll = Path.Combine(root, "src/Compila.Web/bin/Release/net10.0/Compila.Web.dll");
if (!File.Exists(dll))
{
    Console.Error.WriteLine("Build the host first: dotnet build -c Release src/Compila.Web");
    return 2;
}

var dataDir = Path.Combine(Path.GetTempPath(), "compila-fairness-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(dataDir);
var environment = new Dictionary<string, string>
{
    ["Compila__DataDir"] = dataDir,
    ["Compila__Content__Root"] = Path.Combine(root, "content"),
    ["Compila__Knowledge__VectorBackend"] = "None",
    ["Logging__LogLevel__Default"] = "Warning",
};
using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
using var host = new AppHost(dll, FreePort(), environment, Path.Combine(dataDir, "host.log"));
await host.StartAsync(http);
Console.WriteLine($"fairness: Release host, default limits, {Environment.ProcessorCount} cores, {runs} victim runs per phase, {hostileLoops} hostile loops, data={dataDir}");

var stamp = Guid.NewGuid().ToString("N")[..6];
var warm = await Account.RegisterAsync(http, host.BaseUrl, "aquece_" + stamp);
for (var i = 0; i < 3; i++)
{
    await warm.RunAsync("print(0)", 5);
}

var alone = await VictimAsync(await Account.RegisterAsync(http, host.BaseUrl, "vitima1_" + stamp));
Report("victim alone", alone, null);

var hostile = await Account.RegisterAsync(http, host.BaseUrl, "hostil_" + stamp);
using var stop = new CancellationTokenSource();
var hostileOutcomes = new ConcurrentDictionary<HttpStatusCode, int>();
var hostileLoad = Enumerable.Range(0, hostileLoops).Select(_ => Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        try
        {
            var (status, retryAfter, _) = await hostile.RunAsync("import time\ntime.sleep(30)", 20, stop.Token);
            hostileOutcomes.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status != HttpStatusCode.OK && status != HttpStatusCode.RequestTimeout)
            {
                await Task.Delay(Min(retryAfter ?? TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)), stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
})).ToList();
await Task.Delay(TimeSpan.FromSeconds(2));
var loaded = await VictimAsync(await Account.RegisterAsync(http, host.BaseUrl, "vitima2_" + stamp));
await stop.CancelAsync();
await Task.WhenAll(hostileLoad);
Report("victim with hostile load", loaded, alone);
Console.WriteLine("  hostile answers: " + string.Join(", ", hostileOutcomes.OrderBy(p => (int)p.Key).Select(p => $"{(int)p.Key}×{p.Value}")));
var p95 = Percentile(loaded.Select(r => r.Elapsed.TotalMilliseconds).ToList(), 0.95);
var ok = loaded.All(r => r.Status == HttpStatusCode.OK) && p95 < 1000;
Console.WriteLine(ok ? "fairness: PASS (victim p95 under 1 s with the hostile load)" : "fairness: FAIL");
if (ok)
{
    host.Dispose();
    Directory.Delete(dataDir, recursive: true);
}

return ok ? 0 : 1;

async Task<List<(HttpStatusCode Status, TimeSpan Elapsed)>> VictimAsync(Account victim)
{
    var results = new List<(HttpStatusCode, TimeSpan)>();
    for (var i = 0; i < runs; i++)
    {
        var next = Task.Delay(TimeSpan.FromSeconds(1));
        var (status, _, elapsed) = await victim.RunAsync("print(1)", 5);
        results.Add((status, elapsed));
        await next;
    }

    return results;
}

static void Report(string label, List<(HttpStatusCode Status, TimeSpan Elapsed)> results, List<(HttpStatusCode Status, TimeSpan Elapsed)>? baseline)
{
    var ms = results.Select(r => r.Elapsed.TotalMilliseconds).ToList();
    var (p50, p95) = (Percentile(ms, 0.50), Percentile(ms, 0.95));
    var ratio = baseline is null ? ""
        : string.Create(CultureInfo.InvariantCulture, $" ({p50 / Percentile(baseline.Select(r => r.Elapsed.TotalMilliseconds).ToList(), 0.50):F2}× / {p95 / Percentile(baseline.Select(r => r.Elapsed.TotalMilliseconds).ToList(), 0.95):F2}× the unloaded baseline)");
    var statuses = string.Join(", ", results.GroupBy(r => (int)r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label}: p50 {p50:F0} ms, p95 {p95:F0} ms, max {ms.Max():F0} ms{ratio}; answers {statuses}"));
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

int IntOption(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

static string FindRepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Compila.slnx")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
