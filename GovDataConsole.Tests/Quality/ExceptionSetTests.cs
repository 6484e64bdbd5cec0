using GovDataConsole.Quality;

namespace GovDataConsole.Tests.Quality;

/// <summary>Record × rule exceptions in <see cref="QualityPlan.CheckRow"/>: neither counted nor reported, other pairs untouched.</summary>
public sealed class ExceptionSetTests
{
    private static readonly QualityPlan Plan = QualityPlan.Compile(
    [
        RuleKit.Rule(RuleTemplate.NotNull, ["XM"]) with { Key = "R1" },
        RuleKit.Rule(RuleTemplate.Mobile, ["LXDH"]) with { Key = "R2" },
    ], RuleKit.Context);

    private static readonly string[] BadRow = RuleKit.Row(("LXDH", "123"));

    [Fact]
    public void An_excepted_record_and_rule_is_neither_counted_nor_reported()
    {
        var failures = new long[2];
        var findings = new List<RowFinding>();
        var exceptions = new ExceptionSet([(7, "R2")]);

        Assert.Equal(1, Plan.CheckRow(BadRow, 7, failures, findings, exceptions));

        Assert.Equal([1L, 0L], failures);
        Assert.Equal(0, Assert.Single(findings).Rule);
    }

    [Fact]
    public void The_exception_holds_only_for_its_record()
    {
        var failures = new long[2];
        var findings = new List<RowFinding>();
        var exceptions = new ExceptionSet([(7, "R2")]);

        Assert.Equal(2, Plan.CheckRow(BadRow, 8, failures, findings, exceptions));
        Assert.Equal([1L, 1L], failures);
    }

    [Fact]
    public void Rule_keys_are_matched_exactly()
    {
        var failures = new long[2];
        Assert.Equal(2, Plan.CheckRow(BadRow, 7, failures, [], new ExceptionSet([(7, "r2"), (7, "R22")])));
        Assert.Equal([1L, 1L], failures);
    }

    [Fact]
    public void Both_rules_excepted_leaves_nothing()
    {
        var failures = new long[2];
        var findings = new List<RowFinding>();
        var exceptions = new ExceptionSet([(7, "R1"), (7, "R2"), (7, "R2")]);

        Assert.Equal(2, exceptions.Count);
        Assert.Equal(0, Plan.CheckRow(BadRow, 7, failures, findings, exceptions));
        Assert.Equal([0L, 0L], failures);
        Assert.Empty(findings);
    }

    [Fact]
    public void No_exceptions_and_an_empty_set_count_everything()
    {
        var failures = new long[2];
        Assert.Equal(2, Plan.CheckRow(BadRow, 7, failures, []));
        Assert.Equal(2, Plan.CheckRow(BadRow, 7, failures, [], new ExceptionSet([])));
        Assert.Equal([2L, 2L], failures);
    }
}
