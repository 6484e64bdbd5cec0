using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GovDataConsole.Data;

/// <summary>Prepared statements straight on a SQLite connection's handle, for hot loops the provider's per-call work would dominate.</summary>
public static class SqliteRaw
{
    public static sqlite3_stmt Prepare(SqliteConnection connection, string sql)
    {
        Check(connection, raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement));
        return statement;
    }

    /// <summary>Throws the provider's own exception for an error code (OK, DONE and ROW pass).</summary>
    public static void Check(SqliteConnection connection, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            throw new SqliteException(raw.sqlite3_errmsg(connection.Handle).utf8_to_string(), rc, raw.sqlite3_extended_errcode(connection.Handle));
    }
}
