using Npgsql;

namespace Compila.Web.Tests.Infrastructure;

/// <summary>
/// Where the suite's data lives. SQLite in a temp folder by default; with <c>COMPILA_TEST_POSTGRES</c> set
/// (a connection string to a server where the user may create databases) each app gets a fresh database.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    static readonly string? PostgresServer = Environment.GetEnvironmentVariable("COMPILA_TEST_POSTGRES");

    public static bool UsesPostgres => !string.IsNullOrWhiteSpace(PostgresServer);

    readonly string? databaseName;

    public TestDatabase()
    {
        DataDir = Path.Combine(Path.GetTempPath(), "compila-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDir);
        if (UsesPostgres)
        {
            databaseName = "compila_test_" + Guid.NewGuid().ToString("N")[..16];
            using var admin = new NpgsqlConnection(PostgresServer);
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {databaseName}", admin);
            create.ExecuteNonQuery();
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = databaseName }.ConnectionString;
        }
    }

    public string DataDir { get; }

    /// <summary>PostgreSQL connection string, or null on SQLite.</summary>
    public string? ConnectionString { get; }

    public void Dispose()
    {
        if (databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(PostgresServer);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a closing connection; the OS temp cleaner takes it.
        }
    }
}
