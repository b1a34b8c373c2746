using Microsoft.Data.Sqlite;
using Npgsql;

namespace Compila.Web.Infrastructure.Data;

/// <summary>
/// Failures that say the database is saturated or briefly unreachable rather than that the request is wrong: out of
/// connections (server or pool), a node restarting, a serialization conflict, SQLite's writer lock held past the
/// busy timeout. Trying again later is the right answer to them.
/// </summary>
public static class DatabaseOverload
{
    const int SqliteBusy = 5;
    const int SqliteLocked = 6;

    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case NpgsqlException { IsTransient: true }:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                    return true;
            }
        }

        return false;
    }
}
