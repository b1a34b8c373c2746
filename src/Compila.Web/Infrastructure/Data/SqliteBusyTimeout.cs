using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Compila.Web.Infrastructure.Data;

/// <summary>
/// Lets SQLite itself wait for a busy database (its busy handler backs off from 1 ms to 100 ms) instead of
/// Microsoft.Data.Sqlite's retry loop, which sleeps 150 ms per SQLITE_BUSY: the API and the worker write the same
/// file, and each collision stalled a request or a result that long (measured in docs/benchmarks.md).
/// </summary>
internal sealed class SqliteBusyTimeout(int timeoutMilliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Pragma(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Pragma(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    DbCommand Pragma(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {timeoutMilliseconds};";
        return command;
    }
}
