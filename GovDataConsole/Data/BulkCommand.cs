using System.Data.Common;

namespace GovDataConsole.Data;

/// <summary>A parameterised command for bulk statements run outside change tracking (same text on SQLite and SQL Server).</summary>
public static class BulkCommand
{
    public static DbCommand Create(DbConnection connection, DbTransaction? tx, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
