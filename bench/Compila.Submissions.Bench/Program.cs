using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Compila.ChallengeSuites.Content;
using Compila.ChallengeSuites.Specs;
using Compila.Submissions.Bench;

// Reliability and throughput of the judging pipeline, end to end, against real processes:
//   dotnet run -c Release --project bench/Compila.Submissions.Bench -- [--short] [--no-kill] [--queue database|rabbitmq] [--postgres <conn>]
//   dotnet run -c Release --project bench/Compila.Submissions.Bench -- --sqlite-contention   (two SQLite writers, see SqliteContention)
//   dotnet run -c Release --project bench/Compila.Submissions.Bench -- --scale [--short] [--postgres <conn>] [--rabbitmq <uri>]   (2 api + 2 worker processes, see ScaleOut)
// First the baseline: the same code judged directly by the judge library (see Baseline). Then N learners submit
// concurrently to an API instance; a separate worker instance judges; the worker is killed (SIGKILL) twice mid-run
// and restarted (unless --no-kill). At the end every submission must be final exactly once, none pending,
// and XP and challenge counters must equal what the stored results imply.
if (args.Contains("--sqlite-contention"))
{
    return SqliteContention.Run();
}

var options = BenchOptions.Parse(args);
var root = FindRepositoryRoot();
// The most recently built host, Release or Debug.
var dll = new[] { "Release", "Debug" }
    .Select(c => Path.Combine(root, $"src/Compila.Web/bin/{c}/net10.0/Compila.Web.dll"))
    .Where(File.Exists)
    .OrderByDescending(File.GetLastWriteTimeUtc)
    .FirstOrDefault() ?? "";
if (!File.Exists(dll))
{
    Console.Error.WriteLine("Build the host first: dotnet build src/Compila.Web -c Release");
    return 2;
}

var dataDir = Path.Combine(Path.GetTempPath(), "compila-reliability-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(dataDir);
var environment = new Dictionary<string, string>
{
    ["Compila__DataDir"] = dataDir,
    ["Compila__Content__Root"] = Path.Combine(root, "content"),
    ["Compila__Queue__LeaseSeconds"] = "8",
    ["Compila__Queue__MaxAttempts"] = "8",
    ["Compila__RateLimits__Enabled"] = "true",
    ["Logging__LogLevel__Default"] = "Warning",
};
string? postgresDatabase = null;
if (options.Postgres is { } server)
{
    postgresDatabase = "compila_reliability_" + Guid.NewGuid().ToString("N")[..8];
    await Database.CreatePostgresAsync(server, postgresDatabase);
    environment["Compila__Postgres"] = Database.WithDatabase(server, postgresDatabase);
}

if (options.Queue == "rabbitmq")
{
    environment["Compila__Queue__RabbitMq"] = options.RabbitMq;
    environment["Compila__Queue__QueueName"] = "compila.reliability." + Guid.NewGuid().ToString("N")[..8];
}

var catalog = ChallengeCatalog.Load(Path.Combine(root, "content"));
if (catalog.Catalog is null)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, catalog.Errors));
    return 2;
}

var challenges = catalog.Catalog.Challenges
    .Where(c => c.Published && c.Tests is FunctionTestSpec { Cases.Count: >= 2 } && c.Languages.ContainsKey("python"))
    .OrderBy(c => c.Slug, StringComparer.Ordinal).Take(5).ToList();

// Each learner sends a mix: right answers, starter code (fails) and a half-broken reference (partial).
var plan = Enumerable.Range(0, options.Users).SelectMany(i => Enumerable.Range(0, options.PerUser).Select(k =>
{
    var challenge = challenges[(i + k) % challenges.Count];
    var code = (((i * 7) + k) % 3) switch
    {
        0 => challenge.Languages["python"].Solution[0].Content,
        1 => challenge.Languages["python"].Starter[0].Content,
        _ => Solutions.Partial(challenge),
    };
    return (Learner: i, Challenge: challenge, Code: code);
})).ToList();

if (args.Contains("--scale"))
{
    return await ScaleOut.RunAsync(root, dll, challenges, args.Contains("--short"),
        options.Postgres ?? "Host=127.0.0.1;Username=postgres;Password=postgres;Database=postgres", options.RabbitMq, "127.0.0.1:6379");
}

var baseline = await Baseline.SubmissionsPerMinuteAsync(plan.Select(p => (p.Challenge, p.Code)).ToList());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"baseline: the judge library alone, {Environment.ProcessorCount} at once: {baseline:F0} submissions/min"));

using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
using var api = new AppProcess(dll, "Api", FreePort(), environment, Path.Combine(dataDir, "api.log"));
using var worker = new AppProcess(dll, "Worker", FreePort(), environment, Path.Combine(dataDir, "worker.log"));
api.Start();
await api.WaitReadyAsync(http);
worker.Start();
await worker.WaitReadyAsync(http);

Console.WriteLine($"reliability: {options.Users} learners x {options.PerUser} submissions, queue={options.Queue}, database={(options.Postgres is null ? "sqlite" : "postgres")}, data={dataDir}");
var learners = await Task.WhenAll(Enumerable.Range(0, options.Users).Select(i => Learner.RegisterAsync(http, api.BaseUrl, $"rel{i}_{Guid.NewGuid().ToString("N")[..6]}")));
var ids = new Dictionary<string, Guid>();
foreach (var challenge in challenges)
{
    var detail = JsonNode.Parse(await http.GetStringAsync($"{api.BaseUrl}/v1/challenges/{challenge.Slug}"))!;
    ids[challenge.Slug] = Guid.Parse(detail["id"]!.GetValue<string>());
}

var submitted = 0;
var clock = Stopwatch.StartNew();
var killer = Task.Run(async () =>
{
    foreach (var fraction in options.NoKill ? [] : new[] { 0.3, 0.6 })
    {
        while (Volatile.Read(ref submitted) < plan.Count * fraction)
        {
            await Task.Delay(50);
        }

        worker.Kill();
        Console.WriteLine($"  worker killed at {Volatile.Read(ref submitted)}/{plan.Count} submitted ({clock.Elapsed.TotalSeconds:F1} s)");
        await Task.Delay(1500);
        worker.Start();
        await worker.WaitReadyAsync(http);
        Console.WriteLine($"  worker restarted ({clock.Elapsed.TotalSeconds:F1} s)");
    }
});

var submissionIds = await Task.WhenAll(plan.Select(async item =>
{
    var id = await learners[item.Learner].SubmitAsync(http, api.BaseUrl, ids[item.Challenge.Slug], item.Code);
    Interlocked.Increment(ref submitted);
    return id;
}));
await killer;

var deadline = DateTime.UtcNow.AddMinutes(options.Short ? 5 : 15);
await using var db = await Database.OpenAsync(options.Postgres is null ? null : environment["Compila__Postgres"], dataDir);
while (await db.PendingAsync() > 0)
{
    if (DateTime.UtcNow > deadline)
    {
        Console.Error.WriteLine($"FAIL: {await db.PendingAsync()} submissions still pending");
        return 1;
    }

    await Task.Delay(500);
}

var elapsed = clock.Elapsed;
while (await db.UnhandledEventsAsync() > 0 && DateTime.UtcNow < deadline)
{
    await Task.Delay(500);
}

var report = await db.VerifyAsync(submissionIds);
api.Kill();
worker.Kill();
if (postgresDatabase is not null)
{
    await Database.DropPostgresAsync(options.Postgres!, postgresDatabase);
}

Console.WriteLine($"  submissions: {report.Total}, final exactly once: {report.FinalOnce}, pending: {report.Pending}, complete events: {report.CompleteEvents}");
Console.WriteLine($"  by status: {string.Join(", ", report.ByStatus.Select(p => $"{p.Key}={p.Value}"))}");
Console.WriteLine($"  XP consistent for {report.UsersConsistent}/{report.Users} learners; counters consistent for {report.ChallengesConsistent}/{report.Challenges} challenges");
var throughput = report.Total / elapsed.TotalMinutes;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  throughput: {throughput:F0} submissions/min over {elapsed.TotalSeconds:F1} s ({throughput / baseline:F2}× the baseline); submit→judged p50 {report.P50Ms:F0} ms, p95 {report.P95Ms:F0} ms"));
foreach (var problem in report.Problems.Take(20))
{
    Console.Error.WriteLine("  PROBLEM: " + problem);
}

var ok = report.Problems.Count == 0 && report.Pending == 0 && report.FinalOnce == report.Total;
Console.WriteLine(ok ? "reliability: PASS" : "reliability: FAIL");
if (ok)
{
    Directory.Delete(dataDir, recursive: true);
}

return ok ? 0 : 1;

static string FindRepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Compila.slnx")))
    {
        dir = dir.Parent;
    }

    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}

static int FreePort() => Ports.Free();

internal sealed record BenchOptions(bool Short, bool NoKill, string Queue, string? Postgres, string RabbitMq)
{
    public int Users => Short ? 10 : 50;
    public int PerUser => Short ? 5 : 10;

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new BenchOptions(
            args.Contains("--short"),
            args.Contains("--no-kill"),
            Value("--queue") ?? "database",
            Value("--postgres"),
            Value("--rabbitmq") ?? "amqp://guest:guest@127.0.0.1:5672/");
    }
}

internal sealed class Learner(string username, string accessToken)
{
    public string Username { get; } = username;

    public static async Task<Learner> RegisterAsync(HttpClient http, string baseUrl, string username)
    {
        var response = await http.PostAsJsonAsync($"{baseUrl}/v1/auth/register", new { username, email = $"{username}@example.com", password = "Confiabilidade-Total-123" });
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return new Learner(username, body["accessToken"]!.GetValue<string>());
    }

    public async Task<Guid> SubmitAsync(HttpClient http, string baseUrl, Guid challengeId, string code)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/v1/challenges/{challengeId}/submit")
            {
                Content = JsonContent.Create(new { language = "python", code }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            var response = await http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return Guid.Parse(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["submissionId"]!.GetValue<string>());
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(double.Parse(response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(CultureInfo.InvariantCulture) ?? "5", CultureInfo.InvariantCulture)));
                continue;
            }

            throw new InvalidOperationException($"submit answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

internal static class Solutions
{
    /// <summary>The reference solution, broken after its first call: a partial result.</summary>
    public static string Partial(ChallengeSuite challenge)
    {
        var name = ((FunctionTestSpec)challenge.Tests).Signature.Name;
        return challenge.Languages["python"].Solution[0].Content + $$"""


            _bench_calls = 0
            _bench_original = {{name}}

            def {{name}}(*args):
                global _bench_calls
                _bench_calls += 1
                if _bench_calls > 1:
                    raise ValueError("meio quebrado")
                return _bench_original(*args)
            """;
    }
}
