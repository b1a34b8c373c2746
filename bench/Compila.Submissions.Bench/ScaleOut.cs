using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Compila.ChallengeSuites.Content;

namespace Compila.Submissions.Bench;

/// <summary>
/// Scale-out with real processes (<c>--scale</c>, run by scripts/test-scale.sh): two Api and two Worker processes on
/// PostgreSQL, Redis and RabbitMQ, the Apis behind haproxy, Prometheus scraping all four. Learners submit over
/// /v1/solve through the proxy and follow progress live. Phase one judges with one worker, phase two with two (the
/// throughput figures), phase three SIGKILLs a worker and an api mid-run and restarts them. Then: every submission
/// final exactly once, XP and counters consistent, a rate limit shared by both Apis, the same leaderboard from
/// both, and Prometheus holding the submission counters of every process.
/// </summary>
internal static class ScaleOut
{
    const string Password = "Escala-Horizontal-123";

    /// <param name="short">CI's run: smaller throughput phases (the figures get noisier; docs/benchmarks.md quotes full
    /// runs), the same kill phase and every check.</param>
    public static async Task<int> RunAsync(string root, string dll, IReadOnlyList<ChallengeSuite> challenges, bool @short,
        string postgresServer, string rabbitMq, string redis)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "compila-scale-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        var database = "compila_scale_" + Guid.NewGuid().ToString("N")[..8];
        await Database.CreatePostgresAsync(postgresServer, database);
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var shared = new Dictionary<string, string>
        {
            // Four processes share one server: each pool's ceiling times the processes stays under max_connections
            // (100 on Debian), as docs/deploy.md asks of a real deployment; past it requests wait for a connection.
            ["Compila__Postgres"] = Database.WithDatabase(postgresServer, database) + ";Maximum Pool Size=20",
            ["Compila__Redis"] = redis,
            ["Compila__Queue__RabbitMq"] = rabbitMq,
            ["Compila__Queue__QueueName"] = "compila.scale." + database,
            // Fresh handler queues per run: no earlier run's messages arrive here.
            ["Compila__Events__Exchange"] = "compila.scale-events." + database,
            // A message lost to a kill is republished well within the run's final wait.
            ["Compila__Events__RepublishAfterSeconds"] = "20",
            ["Compila__Auth__SigningKeyPem"] = key.ExportPkcs8PrivateKeyPem(),
            ["Compila__Metrics__Token"] = token,
            ["Compila__Telemetry__Environment"] = "scale-test",
            ["Compila__Content__Root"] = Path.Combine(root, "content"),
            ["Compila__Knowledge__VectorBackend"] = "None",
            ["Compila__RateLimits__Enabled"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
        };

        AppProcess App(string name, string role)
        {
            var env = new Dictionary<string, string>(shared) { ["Compila__DataDir"] = Path.Combine(dataDir, name) };
            return new AppProcess(dll, role, Ports.Free(), env, Path.Combine(dataDir, name + ".log"));
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var api1 = App("api1", "Api");
        using var api2 = App("api2", "Api");
        using var worker1 = App("worker1", "Worker");
        using var worker2 = App("worker2", "Worker");
        api1.Start();
        await api1.WaitReadyAsync(http); // applies the migrations; the others start on a ready schema
        api2.Start();
        worker1.Start();
        await Task.WhenAll(api2.WaitReadyAsync(http), worker1.WaitReadyAsync(http));

        var proxyPort = Ports.Free();
        var prometheusPort = Ports.Free();
        using var proxy = StartHaproxy(dataDir, proxyPort, api1, api2);
        using var prometheus = StartPrometheus(dataDir, prometheusPort, token, [api1, api2, worker1, worker2]);
        var proxyUrl = $"http://127.0.0.1:{proxyPort}";
        await WaitAsync(http, proxyUrl + "/health/live", "haproxy");
        await WaitAsync(http, $"http://127.0.0.1:{prometheusPort}/-/ready", "prometheus");

        var learners = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => RegisterAsync(http, proxyUrl, $"scale{i}_{database[^8..]}")));
        var ids = new Dictionary<string, Guid>();
        foreach (var challenge in challenges)
        {
            ids[challenge.Slug] = Guid.Parse(JsonNode.Parse(await http.GetStringAsync($"{proxyUrl}/v1/challenges/{challenge.Slug}"))!["id"]!.GetValue<string>());
        }

        // At most six submissions per learner in a run: under the 10-per-minute submission limit, reconnects included.
        (string Token, Guid Challenge, string Code) Item(int learner, int k)
        {
            var challenge = challenges[(learner + k) % challenges.Count];
            var code = ((learner + k) % 3) switch
            {
                0 => challenge.Languages["python"].Solution[0].Content,
                1 => challenge.Languages["python"].Starter[0].Content,
                _ => Solutions.Partial(challenge),
            };
            return (learners[learner], ids[challenge.Slug], code);
        }

        var outcomes = new List<SolveSession.Outcome>();
        async Task<double> PhaseAsync(string name, IReadOnlyList<(string Token, Guid Challenge, string Code)> items, Func<int, Task>? chaos = null)
        {
            var done = 0;
            var clock = Stopwatch.StartNew();
            var chaosTask = chaos is null ? Task.CompletedTask : chaos(items.Count);
            var results = await Task.WhenAll(items.Select(async item =>
            {
                var outcome = await SolveSession.RunAsync(proxyUrl, item.Token, item.Challenge, item.Code, CancellationToken.None);
                Interlocked.Increment(ref done);
                return outcome;
            }));
            await chaosTask;
            var perMinute = items.Count / clock.Elapsed.TotalMinutes;
            lock (outcomes)
            {
                outcomes.AddRange(results);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: {items.Count} submissions over /v1/solve in {clock.Elapsed.TotalSeconds:F1} s = {perMinute:F0}/min; {results.Sum(r => r.ProgressMessages)} live progress messages, {results.Sum(r => r.Reconnects)} reconnects"));
            return perMinute;
        }

        Console.WriteLine($"scale-out: 2 api + 2 worker processes, haproxy :{proxyPort}, prometheus :{prometheusPort}, data={dataDir}");
        // Not measured: first runs pay for JIT, compile servers and connection pools, which would count against one worker.
        var perLearner = @short ? 2 : 5;
        await PhaseAsync("warm-up", [.. Enumerable.Range(0, @short ? 10 : 20).Select(l => Item(l, 5))]);
        var oneWorker = await PhaseAsync("one worker", [.. Enumerable.Range(0, 20).SelectMany(l => Enumerable.Range(0, perLearner).Select(k => Item(l, k)))]);
        worker2.Start();
        await worker2.WaitReadyAsync(http);
        var twoWorkers = await PhaseAsync("two workers", [.. Enumerable.Range(20, 20).SelectMany(l => Enumerable.Range(0, perLearner).Select(k => Item(l, k)))]);
        await PhaseAsync("kills", [.. Enumerable.Range(40, 20).SelectMany(l => Enumerable.Range(0, 6).Select(k => Item(l, k)))], async total =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            worker1.Kill();
            api2.Kill();
            Console.WriteLine("  SIGKILLed worker1 and api2 mid-run");
            await Task.Delay(TimeSpan.FromSeconds(2));
            worker1.Start();
            api2.Start();
            await Task.WhenAll(worker1.WaitReadyAsync(http), api2.WaitReadyAsync(http));
            Console.WriteLine("  worker1 and api2 restarted");
        });

        var problems = new List<string>();
        problems.AddRange(await SharedRateLimitProblemsAsync(http, api1, api2, await RegisterAsync(http, proxyUrl, $"limit_{database[^8..]}"), ids[challenges[0].Slug], outcomes));

        await using var db = await Database.OpenAsync(shared["Compila__Postgres"], dataDir);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (await db.PendingAsync() > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        while (await db.UnhandledEventsAsync() > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        if (await db.UnhandledEventsAsync() is var unhandled and > 0)
        {
            problems.Add($"{unhandled} published events still unhandled by the read models after the wait");
        }

        var report = await db.VerifyAsync([.. outcomes.Select(o => o.SubmissionId)]);
        problems.AddRange(report.Problems);
        if (report.Pending > 0 || report.FinalOnce != report.Total)
        {
            problems.Add($"{report.Total - report.FinalOnce} submissions not final exactly once ({report.Pending} pending)");
        }

        problems.AddRange(await LeaderboardProblemsAsync(http, api1, api2, learners[0]));
        await Task.Delay(TimeSpan.FromSeconds(4)); // one more scrape after the last results
        problems.AddRange(await PrometheusProblemsAsync(http, prometheusPort, [api1, api2], [worker1, worker2]));

        Console.WriteLine($"  submissions: {report.Total}, final exactly once: {report.FinalOnce}, by status: {string.Join(", ", report.ByStatus.Select(p => $"{p.Key}={p.Value}"))}");
        Console.WriteLine($"  XP consistent for {report.UsersConsistent}/{report.Users} learners; counters consistent for {report.ChallengesConsistent}/{report.Challenges} challenges");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  throughput: one worker {oneWorker:F0}/min, two workers {twoWorkers:F0}/min ({twoWorkers / oneWorker:F2}x) on {Environment.ProcessorCount} cores"));
        foreach (var problem in problems.Take(20))
        {
            Console.Error.WriteLine("  PROBLEM: " + problem);
        }

        api1.Kill();
        api2.Kill();
        worker1.Kill();
        worker2.Kill();
        await Database.DropPostgresAsync(postgresServer, database);
        Console.WriteLine(problems.Count == 0 ? "scale-out: PASS" : "scale-out: FAIL");
        if (problems.Count == 0)
        {
            Directory.Delete(dataDir, recursive: true);
        }

        return problems.Count == 0 ? 0 : 1;
    }

    /// <summary>The submission limit is one budget in Redis: alternating between the two Apis still stops at the limit.</summary>
    static async Task<List<string>> SharedRateLimitProblemsAsync(HttpClient http, AppProcess api1, AppProcess api2, string accessToken, Guid challengeId, List<SolveSession.Outcome> outcomes)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            var api = i % 2 == 0 ? api1 : api2;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{api.BaseUrl}/v1/challenges/{challengeId}/submit")
            {
                Content = JsonContent.Create(new { language = "python", code = "print('limite')" }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var id = Guid.Parse(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["submissionId"]!.GetValue<string>());
                outcomes.Add(new SolveSession.Outcome(id, "pending", 0, 0));
            }
        }

        var accepted = statuses.Count(s => s == HttpStatusCode.Accepted);
        var limited = statuses.Count(s => s == HttpStatusCode.TooManyRequests);
        Console.WriteLine($"  rate limit across both apis: {accepted} accepted, {limited} refused with 429 (limit 10/min)");
        return accepted == 10 && limited == 2 ? [] : [$"shared submission limit: expected 10 accepted and 2 refused, got {accepted} and {limited}"];
    }

    static async Task<List<string>> LeaderboardProblemsAsync(HttpClient http, AppProcess api1, AppProcess api2, string accessToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var first = await GetAsync(http, $"{api1.BaseUrl}/v1/leaderboard?period=all_time&size=100", accessToken);
            var second = await GetAsync(http, $"{api2.BaseUrl}/v1/leaderboard?period=all_time&size=100", accessToken);
            if (first == second && JsonNode.Parse(first)!["items"]!.AsArray().Count > 0)
            {
                Console.WriteLine("  leaderboard: the same from both apis");
                return [];
            }

            await Task.Delay(1000);
        }

        return ["the two apis answer different leaderboards"];
    }

    /// <summary>Every process's own counter reached Prometheus: submissions received by each Api, judged by each Worker.</summary>
    static async Task<List<string>> PrometheusProblemsAsync(HttpClient http, int port, AppProcess[] apis, AppProcess[] workers)
    {
        async Task<HashSet<string>> InstancesAsync(string metric)
        {
            var query = Uri.EscapeDataString($"max by (instance) (max_over_time({metric}[15m]))");
            var body = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/api/v1/query?query={query}"))!;
            return body["data"]!["result"]!.AsArray()
                .Where(r => double.Parse(r!["value"]![1]!.GetValue<string>(), CultureInfo.InvariantCulture) > 0)
                .Select(r => r!["metric"]!["instance"]!.GetValue<string>()).ToHashSet();
        }

        var problems = new List<string>();
        var received = await InstancesAsync("submissions_received_total");
        var judged = await InstancesAsync("submissions_total");
        foreach (var api in apis.Where(a => !received.Contains(a.Target)))
        {
            problems.Add($"prometheus has no submissions_received_total from {api.Target}");
        }

        foreach (var worker in workers.Where(w => !judged.Contains(w.Target)))
        {
            problems.Add($"prometheus has no submissions_total from {worker.Target}");
        }

        Console.WriteLine($"  prometheus: submissions_received_total from {received.Count} apis, submissions_total from {judged.Count} workers");
        return problems;
    }

    static ExternalProcess StartHaproxy(string dataDir, int port, AppProcess api1, AppProcess api2)
    {
        var config = Path.Combine(dataDir, "haproxy.cfg");
        File.WriteAllText(config, $"""
            global
              maxconn 4096
            defaults
              mode http
              timeout connect 2s
              timeout check 5s
              timeout client 300s
              timeout server 300s
              timeout tunnel 300s
              retries 3
              option redispatch
            frontend compila
              bind 127.0.0.1:{port}
              default_backend api
            backend api
              balance roundrobin
              option httpchk GET /health/live
              default-server inter 1s fall 3 rise 1
              server api1 {api1.Target} check
              server api2 {api2.Target} check

            """);
        return new ExternalProcess("haproxy", ["-db", "-f", config], Path.Combine(dataDir, "haproxy.log"));
    }

    static ExternalProcess StartPrometheus(string dataDir, int port, string token, AppProcess[] targets)
    {
        var config = Path.Combine(dataDir, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 2s
            scrape_configs:
              - job_name: compila
                metrics_path: /metrics
                authorization:
                  credentials: {token}
                static_configs:
                  - targets: [{string.Join(", ", targets.Select(t => $"'{t.Target}'"))}]
            """);
        return new ExternalProcess("prometheus",
            [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(dataDir, "prometheus")}", $"--web.listen-address=127.0.0.1:{port}"],
            Path.Combine(dataDir, "prometheus.log"));
    }

    static async Task WaitAsync(HttpClient http, string url, string name)
    {
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{name} did not become ready ({url})");
    }

    /// <summary>
    /// Sixty sign-ups at once hash sixty passwords: on a busy machine the api sheds some with 503 and Retry-After,
    /// as it should, and the driver retries them as a real client would. Setup, not what the run measures.
    /// </summary>
    static async Task<string> RegisterAsync(HttpClient http, string baseUrl, string username)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await http.PostAsJsonAsync($"{baseUrl}/v1/auth/register", new { username, email = $"{username}@example.com", password = Password });
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 10)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }

            response.EnsureSuccessStatusCode();
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        }
    }

    static async Task<string> GetAsync(HttpClient http, string url, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await (await http.SendAsync(request)).Content.ReadAsStringAsync();
    }
}
