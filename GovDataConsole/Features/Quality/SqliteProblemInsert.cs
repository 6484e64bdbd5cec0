using System.Data.Common;
using System.Globalization;
using System.Text;
using GovDataConsole.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GovDataConsole.Features.Quality;

/// <summary>
/// <see cref="ProblemInsert"/> on SQLite's own statements, parameters bound by position: the provider looks each named
/// parameter up by name on every execution, which grows with the square of a multi-row statement's parameters. Rule and
/// column texts are encoded to UTF-8 once. The statements run in whatever transaction the connection has open.
/// </summary>
internal sealed class SqliteProblemInsert : ProblemInsert
{
    private readonly SqliteConnection connection;
    private readonly object?[] constants;
    private readonly Dictionary<int, sqlite3_stmt> statements = [];
    private readonly byte[][][] rules;
    private readonly byte[]?[][] columns;
    private readonly byte[]?[] noColumn;
    private byte[] scratch = new byte[256];

    public SqliteProblemInsert(SqliteConnection connection, object?[] constants, ProblemTexts texts)
    {
        this.connection = connection;
        this.constants = constants;
        rules = [.. texts.Rules.Select(r => new[] { Utf8(r.Key)!, Utf8(r.Name)!, Utf8(r.Dimension)!, Utf8(r.Severity)! })];
        columns = [.. Enumerable.Range(0, texts.Columns.Length).Select(Column)];
        noColumn = Column(-1);

        byte[]?[] Column(int field)
        {
            var (code, name, sensitivity) = texts.Column(field);
            return [Utf8(code), Utf8(name), Utf8(sensitivity)];
        }
    }

    public override DbTransaction? Transaction { set { } }

    public override Task InsertAsync(ReadOnlyMemory<PendingProblem> rows, CancellationToken ct)
    {
        if (!statements.TryGetValue(rows.Length, out var statement)) statements[rows.Length] = statement = Prepare(rows.Length);
        try
        {
            var index = ConstantCount;
            foreach (var p in rows.Span)
            {
                BindInteger(statement, ++index, p.RecordId);
                BindInteger(statement, ++index, p.RowNumber);
                foreach (var text in rules[p.Rule]) BindText(statement, ++index, text);
                foreach (var text in p.Field < 0 ? noColumn : columns[p.Field]) BindText(statement, ++index, text);
                BindText(statement, ++index, p.Value);
                BindText(statement, ++index, p.Message);
            }
            SqliteRaw.Check(connection, raw.sqlite3_step(statement));
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
        return Task.CompletedTask;
    }

    /// <summary>The statement for that many rows, its constants bound (bindings outlive resets).</summary>
    private sqlite3_stmt Prepare(int rows)
    {
        var statement = SqliteRaw.Prepare(connection, Sql(rows, c => $"?{c + 1}", (row, p) => $"?{ConstantCount + row * RowParameterCount + p + 1}"));
        for (var i = 0; i < constants.Length; i++)
            switch (constants[i])
            {
                case null: Bind(raw.sqlite3_bind_null(statement, i + 1)); break;
                case int value: Bind(raw.sqlite3_bind_int64(statement, i + 1, value)); break;
                case long value: Bind(raw.sqlite3_bind_int64(statement, i + 1, value)); break;
                case DateTime value: BindText(statement, i + 1, value.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)); break;
                case var value: BindText(statement, i + 1, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
        return statement;
    }

    private void BindInteger(sqlite3_stmt statement, int index, long? value) =>
        Bind(value is long v ? raw.sqlite3_bind_int64(statement, index, v) : raw.sqlite3_bind_null(statement, index));

    private void BindText(sqlite3_stmt statement, int index, string? value)
    {
        if (value is null)
        {
            Bind(raw.sqlite3_bind_null(statement, index));
            return;
        }
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (scratch.Length < length) scratch = new byte[Math.Max(length, scratch.Length * 2)];
        BindText(statement, index, scratch.AsSpan(0, Encoding.UTF8.GetBytes(value, scratch)));
    }

    /// <summary>Copied by SQLite (transient); an empty span would bind NULL, so "" goes as a terminated empty string.</summary>
    private void BindText(sqlite3_stmt statement, int index, ReadOnlySpan<byte> utf8) =>
        Bind(utf8.IsEmpty ? raw.sqlite3_bind_text(statement, index, "") : raw.sqlite3_bind_text(statement, index, utf8));

    private void BindText(sqlite3_stmt statement, int index, byte[]? utf8)
    {
        if (utf8 is null) Bind(raw.sqlite3_bind_null(statement, index));
        else BindText(statement, index, utf8.AsSpan());
    }

    private void Bind(int rc) => SqliteRaw.Check(connection, rc);

    private static byte[]? Utf8(string? text) => text is null ? null : Encoding.UTF8.GetBytes(text);

    public override ValueTask DisposeAsync()
    {
        foreach (var statement in statements.Values) statement.Dispose();
        return ValueTask.CompletedTask;
    }
}
