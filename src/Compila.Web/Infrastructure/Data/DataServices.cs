using Compila.Web.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Compila.Web.Infrastructure.Data;

public static class DataServices
{
    public static void AddCompilaData(this WebApplicationBuilder builder, CompilaOptions options)
    {
        if (options.UsesPostgres)
        {
            builder.Services.AddDbContext<CompilaDb, PostgresCompilaDb>((services, db) => WithOutboxSignal(ConfigurePostgres(db, options.Postgres!), services));
        }
        else
        {
            builder.Services.AddDbContext<CompilaDb, SqliteCompilaDb>((services, db) => WithOutboxSignal(ConfigureSqlite(db, SqliteConnectionString(options)), services));
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<CompilaDb>("database", tags: ["ready"]);
    }

    /// <summary>How long a SQLite statement waits for another writer (seconds), in SQLite's busy handler and then in the driver's.</summary>
    const int SqliteTimeoutSeconds = 30;

    static readonly SqliteBusyTimeout SqliteBusyTimeout = new(SqliteTimeoutSeconds * 1000);

    public static string SqliteConnectionString(CompilaOptions options) =>
        $"Data Source={Path.Combine(options.FullDataDir, "compila.db")};Foreign Keys=True;Default Timeout={SqliteTimeoutSeconds}";

    static void WithOutboxSignal(DbContextOptionsBuilder db, IServiceProvider services)
    {
        if (services.GetService<Events.OutboxCommitInterceptor>() is { } outbox)
        {
            db.AddInterceptors(outbox, outbox.Transactions);
        }
    }

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder db, string connectionString) =>
        db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder db, string connectionString) =>
        db.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(SqliteBusyTimeout);

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CompilaDb>();
        if (db is SqliteCompilaDb)
        {
            // WAL lets readers proceed while the worker writes results.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(ct);
    }
}

/// <summary>Used by <c>dotnet ef migrations add ... --context SqliteCompilaDb</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCompilaDb>
{
    public SqliteCompilaDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteCompilaDb>();
        DataServices.ConfigureSqlite(builder, "Data Source=design.db");
        return new SqliteCompilaDb(builder.Options);
    }
}

/// <summary>Used by <c>dotnet ef migrations add ... --context PostgresCompilaDb</c>.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCompilaDb>
{
    public PostgresCompilaDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgresCompilaDb>();
        DataServices.ConfigurePostgres(builder, "Host=localhost;Database=compila_design");
        return new PostgresCompilaDb(builder.Options);
    }
}

public static class DatabaseLocks
{
    /// <summary>
    /// Serialises writers of one user's progress for the rest of the transaction. PostgreSQL takes a row
    /// lock; SQLite transactions are already exclusive (BEGIN IMMEDIATE), so nothing more is needed there.
    /// </summary>
    public static async Task LockUserAsync(this CompilaDb db, Guid userId, CancellationToken ct)
    {
        if (db is PostgresCompilaDb)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM users WHERE id = {userId} FOR UPDATE", ct);
        }
    }
}
