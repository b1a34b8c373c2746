using Compila.Web.Features.Auth;
using Compila.Web.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Infrastructure.Data;

/// <summary>
/// The one DbContext. Each provider has a subclass so that SQLite and PostgreSQL keep their own
/// migrations side by side; code depends on this base type only.
/// </summary>
public abstract class CompilaDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<UserRole> UserRoles => Set<UserRole>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Features.Challenges.Challenge> Challenges => Set<Features.Challenges.Challenge>();
    public DbSet<Features.Submissions.Submission> Submissions => Set<Features.Submissions.Submission>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CompilaDb).Assembly);
}

public sealed class SqliteCompilaDb(DbContextOptions<SqliteCompilaDb> options) : CompilaDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset stored as text; a long keeps UTC instants comparable.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUnixMillisecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUnixMillisecondsConverter>();
    }
}

public sealed class PostgresCompilaDb(DbContextOptions<PostgresCompilaDb> options) : CompilaDb(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        JsonColumns.UseJsonb(modelBuilder);
    }
}

internal sealed class DateTimeOffsetToUnixMillisecondsConverter()
    : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
        v => v.ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v));
