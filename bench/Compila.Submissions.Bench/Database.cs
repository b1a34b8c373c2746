using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Compila.Submissions.Bench;

internal sealed record Report(
    int Total, int FinalOnce, int Pending, int CompleteEvents, IReadOnlyDictionary<string, int> ByStatus,
    int Users, int UsersConsistent, int Challenges, int ChallengesConsistent, double P50Ms, double P95Ms, IReadOnlyList<string> Problems);

/// <summary>Reads the app's database directly to check what the results imply.</summary>
internal sealed class Database(DbConnection connection, bool postgres) : IAsyncDisposable
{
    public static async Task<Database> OpenAsync(string? postgres, string dataDir)
    {
        DbConnection connection = postgres is null
            ? new SqliteConnection($"Data Source={Path.Combine(dataDir, "compila.db")};Mode=ReadOnly;Default Timeout=30")
            : new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        return new Database(connection, postgres is not null);
    }

    public static async Task CreatePostgresAsync(string server, string name)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropPostgresAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static string WithDatabase(string server, string name) => new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

    /// <summary>
    /// Published events the read models (challenge counters, leaderboard) have not handled yet: they follow the
    /// verdict through the outbox, so a dispatcher killed mid-run leaves its claim until the lease expires.
    /// </summary>
    public async Task<long> UnhandledEventsAsync() => Convert.ToInt64(await ScalarAsync("""
        SELECT COUNT(*) FROM outbox_events e
        WHERE (e.type = 'submission_judged' OR e.type = 'xp_awarded')
          AND NOT EXISTS (SELECT 1 FROM event_deliveries d WHERE d.event_id = e.id AND d.handled_at IS NOT NULL
                          AND d.handler = CASE e.type WHEN 'submission_judged' THEN 'challenges.statistics' ELSE 'gamification.leaderboard' END)
        """), System.Globalization.CultureInfo.InvariantCulture);

    public async Task<long> PendingAsync() => Convert.ToInt64(await ScalarAsync("SELECT COUNT(*) FROM submissions WHERE status = 'pending'"), System.Globalization.CultureInfo.InvariantCulture);

    public async Task<Report> VerifyAsync(IReadOnlyCollection<Guid> expected)
    {
        var problems = new List<string>();
        var rows = new List<(Guid Id, Guid User, Guid Challenge, string Status, int? Score, int Xp, DateTimeOffset Submitted, DateTimeOffset? Judged)>();
        await foreach (var r in QueryAsync("SELECT id, user_id, challenge_id, status, score, xp_gained, submitted_at, judged_at FROM submissions"))
        {
            rows.Add((Guid(r[0]), Guid(r[1]), Guid(r[2]), (string)r[3], r[4] is DBNull ? null : Convert.ToInt32(r[4], System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(r[5], System.Globalization.CultureInfo.InvariantCulture), Time(r[6]), r[7] is DBNull ? null : Time(r[7])));
        }

        var completes = new Dictionary<Guid, int>();
        await foreach (var r in QueryAsync("SELECT submission_id, COUNT(*) FROM submission_events WHERE type = 'complete' GROUP BY submission_id"))
        {
            completes[Guid(r[0])] = Convert.ToInt32(r[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        var missing = expected.Except(rows.Select(r => r.Id)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{missing.Count} accepted submissions are not in the database");
        }

        var finalOnce = rows.Count(r => r.Status != "pending" && r.Judged is not null && completes.GetValueOrDefault(r.Id) == 1);
        problems.AddRange(rows.Where(r => completes.GetValueOrDefault(r.Id) > 1).Select(r => $"submission {r.Id} has {completes[r.Id]} complete events"));

        var rewards = new Dictionary<Guid, int>();
        var counters = new Dictionary<Guid, (int Attempted, int Completed)>();
        await foreach (var r in QueryAsync("SELECT id, xp_reward, attempted_count, completed_count FROM challenges"))
        {
            rewards[Guid(r[0])] = Convert.ToInt32(r[1], System.Globalization.CultureInfo.InvariantCulture);
            counters[Guid(r[0])] = (Convert.ToInt32(r[2], System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(r[3], System.Globalization.CultureInfo.InvariantCulture));
        }

        var userXp = new Dictionary<Guid, int>();
        await foreach (var r in QueryAsync("SELECT id, xp FROM users"))
        {
            userXp[Guid(r[0])] = Convert.ToInt32(r[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        var usersConsistent = 0;
        foreach (var (user, xp) in userXp)
        {
            var mine = rows.Where(r => r.User == user).ToList();
            var implied = mine.GroupBy(r => r.Challenge).Sum(g =>
            {
                var reward = rewards[g.Key];
                if (g.Any(r => r.Status == "passed"))
                {
                    return reward;
                }

                var firstPartial = g.Where(r => r.Status == "partial").OrderBy(r => r.Judged).Select(r => reward * (r.Score ?? 0) / 100).FirstOrDefault(x => x > 0);
                return firstPartial;
            });
            var stored = mine.Sum(r => r.Xp);
            if (xp == implied && stored == implied)
            {
                usersConsistent++;
            }
            else
            {
                problems.Add($"user {user}: xp {xp}, sum of xp_gained {stored}, implied by results {implied}");
            }
        }

        var challengesConsistent = 0;
        foreach (var (challenge, (attempted, completed)) in counters)
        {
            var judged = rows.Where(r => r.Challenge == challenge && r.Status != "pending").ToList();
            var impliedAttempted = judged.Select(r => r.User).Distinct().Count();
            var impliedCompleted = judged.Where(r => r.Status == "passed").Select(r => r.User).Distinct().Count();
            if (attempted == impliedAttempted && completed == impliedCompleted)
            {
                challengesConsistent++;
            }
            else
            {
                problems.Add($"challenge {challenge}: attempted {attempted}/{impliedAttempted}, completed {completed}/{impliedCompleted}");
            }
        }

        var latencies = rows.Where(r => r.Judged is not null).Select(r => (r.Judged!.Value - r.Submitted).TotalMilliseconds).Order().ToList();
        return new Report(
            rows.Count, finalOnce, rows.Count(r => r.Status == "pending"), completes.Values.Sum(),
            rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()),
            userXp.Count, usersConsistent, counters.Count, challengesConsistent,
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), problems);
    }

    static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    static Guid Guid(object value) => value is Guid g ? g : System.Guid.Parse((string)value);

    DateTimeOffset Time(object value) => postgres
        ? new DateTimeOffset(DateTime.SpecifyKind((DateTime)value, DateTimeKind.Utc))
        : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));

    async Task<object?> ScalarAsync(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    async IAsyncEnumerable<object[]> QueryAsync(string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            yield return values;
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
