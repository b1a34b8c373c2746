using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Compila.Submissions.Bench;

/// <summary>
/// How long a SQLite writer waits after another writer releases the database, as the API (inserting submissions)
/// and the worker (recording results) do on one file. One writer holds a transaction for 5–30 ms; a second one
/// begins its own meanwhile; the figure is the second writer's wait past the first one's commit. Measured with the
/// driver's own busy handling (it sleeps 150 ms per SQLITE_BUSY) as the baseline and with SQLite's busy handler
/// (<c>PRAGMA busy_timeout</c>, what the app sets), interleaved in the same run.
/// </summary>
internal static class SqliteContention
{
    const int Trials = 60;

    public static int Run()
    {
        var folder = Directory.CreateTempSubdirectory("compila-sqlite-contention-");
        var connectionString = $"Data Source={Path.Combine(folder.FullName, "bench.db")};Default Timeout=30;Pooling=False";
        try
        {
            using (var setup = Open(connectionString, busyTimeout: false))
            {
                Execute(setup, "PRAGMA journal_mode=WAL; CREATE TABLE rows (id INTEGER PRIMARY KEY, writer TEXT);");
            }

            var waits = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
            var random = new Random(42);
            for (var trial = 0; trial < Trials; trial++)
            {
                foreach (var busyTimeout in new[] { false, true })
                {
                    waits[busyTimeout].Add(ExcessWait(connectionString, busyTimeout, holdMs: random.Next(5, 31)));
                }
            }

            foreach (var (busyTimeout, list) in waits)
            {
                var sorted = list.Order().ToList();
                var name = busyTimeout ? "busy_timeout (the app)" : "driver retry (baseline)";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-24} wait past the other writer's commit: median {sorted[sorted.Count / 2],6:F1} ms   p95 {sorted[(int)(sorted.Count * 0.95)],6:F1} ms   mean {sorted.Average(),6:F1} ms   ({Trials} trials)"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mean wait ratio (busy_timeout / driver retry): {waits[true].Average() / waits[false].Average():F2}×"));
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Milliseconds the second writer waited after the first one committed.</summary>
    static double ExcessWait(string connectionString, bool busyTimeout, int holdMs)
    {
        using var holding = new ManualResetEventSlim();
        long released = 0;
        var holder = new Thread(() =>
        {
            using var connection = Open(connectionString, busyTimeout: false);
            using var transaction = connection.BeginTransaction();
            Execute(connection, "INSERT INTO rows (writer) VALUES ('api');", transaction);
            holding.Set();
            Thread.Sleep(holdMs);
            transaction.Commit();
            Volatile.Write(ref released, Stopwatch.GetTimestamp());
        });
        holder.Start();
        holding.Wait();

        using var waiter = Open(connectionString, busyTimeout);
        using (var transaction = waiter.BeginTransaction())
        {
            var acquired = Stopwatch.GetTimestamp();
            Execute(waiter, "INSERT INTO rows (writer) VALUES ('worker');", transaction);
            transaction.Commit();
            holder.Join();
            return Math.Max(0, Stopwatch.GetElapsedTime(Volatile.Read(ref released), acquired).TotalMilliseconds);
        }
    }

    static SqliteConnection Open(string connectionString, bool busyTimeout)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        if (busyTimeout)
        {
            Execute(connection, "PRAGMA busy_timeout = 30000;");
        }

        return connection;
    }

    static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
