using Compila.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Compila.Web.Tests.Infrastructure.Data;

public sealed class SqliteConnectionTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("compila-sqlite-").FullName;

    [Fact]
    public async Task EveryConnection_WaitsInSqlitesBusyHandler_ForAsLongAsTheDriversTimeout()
    {
        var options = new DbContextOptionsBuilder<SqliteCompilaDb>();
        DataServices.ConfigureSqlite(options, $"Data Source={Path.Combine(folder, "compila.db")};Default Timeout=30;Pooling=False");

        // Twice: the setting belongs to each opened connection, not to the database file.
        for (var open = 0; open < 2; open++)
        {
            await using var db = new SqliteCompilaDb(options.Options);
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";

            Assert.Equal(30_000L, (long)(await command.ExecuteScalarAsync())!);
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
