using System.Text;
using GovDataConsole.Data;
using GovDataConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace GovDataConsole.Tests.Data;

/// <summary>database/sqlserver is what a DBA applies: it must match the migrations, parse as T-SQL, and the model must have no unmigrated change.</summary>
public sealed class SqlServerScriptTests
{
    private const string RegenerateCommand =
        "dotnet tool restore && dotnet ef migrations script --idempotent --project GovDataConsole --context SqlServerAppDbContext -o database/sqlserver/GovDataConsole.sql";

    private static string ScriptPath => Path.Combine(RepositoryRoot.Path, "database", "sqlserver", "GovDataConsole.sql");

    private static SqlServerAppDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=.;Database=GovDataConsole;Trusted_Connection=True").Options);

    private static SqliteAppDbContext SqliteContext() =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);

    /// <summary>dotnet ef writes UTF-8 with a BOM and the platform's line endings; neither is content.</summary>
    private static string Normalise(string sql) => sql.TrimStart('\uFEFF').Replace("\r\n", "\n");

    [Fact]
    public void Script_in_database_folder_is_the_current_idempotent_script_of_the_SqlServer_migrations()
    {
        using var context = SqlServerContext();
        var expected = Normalise(context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent));
        var actual = Normalise(File.ReadAllText(ScriptPath, Encoding.UTF8));

        Assert.Contains("AuditEntries_AppendOnly", expected);
        if (expected != actual)
        {
            var line = FirstDifferentLine(expected, actual);
            Assert.Fail($"{ScriptPath} is out of date with the SqlServer migrations (first difference at line {line}). Regenerate it from the repository root:\n  {RegenerateCommand}");
        }
    }

    [Fact]
    public void Script_parses_as_TSql_without_errors()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StreamReader(ScriptPath, Encoding.UTF8);
        var fragment = parser.Parse(reader, out var errors);

        Assert.True(errors.Count == 0,
            "T-SQL parse errors in database/sqlserver/GovDataConsole.sql:\n" +
            string.Join("\n", errors.Select(e => $"  line {e.Line}, col {e.Column}: {e.Message}")));
        var script = Assert.IsType<TSqlScript>(fragment);
        Assert.True(script.Batches.Count >= 2, "expected the migration batches separated by GO");
        var createTables = script.Batches.SelectMany(b => b.Statements).SelectMany(Flatten).OfType<CreateTableStatement>()
            .Select(t => t.SchemaObjectName.BaseIdentifier.Value).ToList();
        Assert.Contains("Departments", createTables);
        Assert.Contains("AuditEntries", createTables);
        Assert.Contains("AspNetUsers", createTables);
    }

    [Fact]
    public void SqlServer_model_has_no_changes_missing_a_migration()
    {
        using var context = SqlServerContext();
        Assert.False(context.Database.HasPendingModelChanges(),
            "The model changed without a SqlServer migration: dotnet ef migrations add <Name> --project GovDataConsole --context SqlServerAppDbContext --output-dir Data/Migrations/SqlServer");
    }

    [Fact]
    public void Sqlite_model_has_no_changes_missing_a_migration()
    {
        using var context = SqliteContext();
        Assert.False(context.Database.HasPendingModelChanges(),
            "The model changed without a Sqlite migration: dotnet ef migrations add <Name> --project GovDataConsole --context SqliteAppDbContext --output-dir Data/Migrations/Sqlite");
    }

    /// <summary>Statements nested in IF … BEGIN … END blocks, where the idempotent script puts everything.</summary>
    private static IEnumerable<TSqlStatement> Flatten(TSqlStatement statement) => statement switch
    {
        IfStatement s => [s, .. Flatten(s.ThenStatement), .. s.ElseStatement is null ? [] : Flatten(s.ElseStatement)],
        BeginEndBlockStatement b => [b, .. b.StatementList.Statements.SelectMany(Flatten)],
        _ => [statement],
    };

    private static int FirstDifferentLine(string a, string b)
    {
        var x = a.Split('\n');
        var y = b.Split('\n');
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            if (x[i] != y[i]) return i + 1;
        return Math.Min(x.Length, y.Length) + 1;
    }
}
