using GovDataConsole.Cleansing;

namespace GovDataConsole.Tests.Cleansing;

public sealed class CleansingPipelineTests
{
    private static readonly DictionaryCode[] Gender = [new("1", "男性"), new("2", "女性")];

    // Columns: 0 name, 1 resident ID, 2 gender, 3 birth date, 4 remark (no rules).
    private static CleansingPipeline People() => CleansingPipeline.Build(
    [
        new(3, [new(CleanserKind.Trim), new(CleanserKind.FullWidthToHalfWidth), new(CleanserKind.NullTokens), new(CleanserKind.Date)]),
        new(0, [new(CleanserKind.Trim), new(CleanserKind.NullTokens)]),
        new(1, [new(CleanserKind.FullWidthToHalfWidth), new(CleanserKind.Trim), new(CleanserKind.ResidentIdUpgrade)]),
        new(2, [new(CleanserKind.Trim), new(CleanserKind.DictionaryMapping, new Dictionary<string, string> { [CleanserParameterNames.Mapping] = "男=1\nM=1\n女=2\nF=2" })], Gender),
    ]);

    [Fact]
    public void Steps_are_listed_by_column_then_rule_order()
    {
        var steps = People().Steps;
        Assert.Equal(
            [(0, 0, CleanserKind.Trim), (0, 1, CleanserKind.NullTokens),
             (1, 0, CleanserKind.FullWidthToHalfWidth), (1, 1, CleanserKind.Trim), (1, 2, CleanserKind.ResidentIdUpgrade),
             (2, 0, CleanserKind.Trim), (2, 1, CleanserKind.DictionaryMapping),
             (3, 0, CleanserKind.Trim), (3, 1, CleanserKind.FullWidthToHalfWidth), (3, 2, CleanserKind.NullTokens), (3, 3, CleanserKind.Date)],
            steps.Select(s => (s.Column, s.Position, s.Rule.Kind)));
        Assert.Equal(4, People().MinimumWidth);
    }

    [Fact]
    public void Records_are_cleansed_in_rule_order_and_changes_counted_per_rule()
    {
        var pipeline = People();
        string[][] rows =
        [
            [" 张三 ", "１１０１０５４９１２３１００２", "男", "２０２６年１月５日", " 备注 "],
            ["李四", "330106800101123 ", "F", " 无 ", "无"],
            ["无", "11010519491231002X", "1", "2026-01-05", ""],
        ];
        var counts = new long[pipeline.Steps.Count];
        var cleansed = rows.Select(row =>
        {
            var output = new string[row.Length];
            pipeline.Apply(row, output, counts);
            return output;
        }).ToList();

        Assert.Equal(["张三", "11010519491231002X", "1", "2026-01-05", " 备注 "], cleansed[0]);
        Assert.Equal(["李四", "330106198001011235", "2", "", "无"], cleansed[1]);
        Assert.Equal(["", "11010519491231002X", "1", "2026-01-05", ""], cleansed[2]);
        // name trim, name null; ID full-width, ID trim, ID upgrade; gender trim, gender map; date trim, full-width, null, date
        Assert.Equal([1L, 1, 1, 1, 2, 0, 2, 1, 1, 1, 1], counts);
        Assert.Same(rows[2][1], cleansed[2][1]);
        Assert.Same(rows[0][4], cleansed[0][4]);
    }

    [Fact]
    public void Order_matters_and_a_later_rule_sees_the_earlier_result()
    {
        // The null token only matches once the full-width space is gone.
        var tokensFirst = CleansingPipeline.Build([new(0, [new(CleanserKind.NullTokens), new(CleanserKind.FullWidthToHalfWidth)])]);
        var widthFirst = CleansingPipeline.Build([new(0, [new(CleanserKind.FullWidthToHalfWidth), new(CleanserKind.NullTokens)])]);
        string[] raw = ["Ｎ／Ａ"];
        var output = new string[1];
        var counts = new long[2];
        tokensFirst.Apply(raw, output, counts);
        Assert.Equal("N/A", output[0]);
        Assert.Equal([0L, 1], counts);
        counts = new long[2];
        widthFirst.Apply(raw, output, counts);
        Assert.Equal("", output[0]);
        Assert.Equal([1L, 1], counts);
    }

    [Fact]
    public void A_rule_whose_result_equals_its_input_is_not_counted()
    {
        var pipeline = CleansingPipeline.Build([new(0, [new(CleanserKind.RegexReplace, new Dictionary<string, string> { ["pattern"] = "a", ["replacement"] = "a" })])]);
        string[] record = ["banana"];
        var counts = new long[1];
        pipeline.Apply(record, record, counts);
        Assert.Equal("banana", record[0]);
        Assert.Equal(0, counts[0]);
    }

    [Fact]
    public void Cleansing_in_place_and_again_changes_nothing_more()
    {
        var pipeline = People();
        string[] record = [" 王五 ", "440304960229001", " M ", "46027", "x"];
        var counts = new long[pipeline.Steps.Count];
        pipeline.Apply(record, record, counts);
        Assert.Equal(["王五", "440304199602290012", "1", "2026-01-05", "x"], record);
        var again = new long[pipeline.Steps.Count];
        pipeline.Apply(record, record, again);
        Assert.All(again, count => Assert.Equal(0, count));
    }

    [Fact]
    public void One_pipeline_serves_parallel_workers_with_the_same_result()
    {
        var pipeline = People();
        string[] template = [" 张三 ", "１１０１０５４９１２３１００２", "女", "2026/1/5", ""];
        var totals = new long[pipeline.Steps.Count];
        Parallel.For(0, 8, () => new long[pipeline.Steps.Count], (_, _, local) =>
        {
            var output = new string[template.Length];
            for (var i = 0; i < 1000; i++)
            {
                pipeline.Apply(template, output, local);
                Assert.Equal(["张三", "11010519491231002X", "2", "2026-01-05", ""], output);
            }
            return local;
        }, local =>
        {
            lock (totals)
                for (var i = 0; i < local.Length; i++) totals[i] += local[i];
        });
        Assert.Equal([8000L, 0, 8000, 0, 8000, 0, 8000, 0, 0, 0, 8000], totals);
    }

    [Fact]
    public void Bad_shapes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CleansingPipeline.Build([new(1, [new(CleanserKind.Trim)]), new(1, [new(CleanserKind.Date)])]));
        Assert.Throws<ArgumentException>(() => CleansingPipeline.Build([new(-1, [new(CleanserKind.Trim)])]));
        var pipeline = People();
        Assert.Throws<ArgumentException>(() => pipeline.Apply(new string[3], new string[3], new long[pipeline.Steps.Count]));
        Assert.Throws<ArgumentException>(() => pipeline.Apply(new string[5], new string[4], new long[pipeline.Steps.Count]));
        Assert.Throws<ArgumentException>(() => pipeline.Apply(new string[5], new string[5], new long[2]));
    }

    [Fact]
    public void A_null_value_is_read_as_empty()
    {
        var pipeline = CleansingPipeline.Build([new(1, [new(CleanserKind.Trim), new(CleanserKind.Date)])]);
        string?[] raw = [null, null];
        var output = new string[2];
        var counts = new long[2];
        pipeline.Apply(raw!, output, counts);
        Assert.Equal([null!, ""], output);
        Assert.Equal([0L, 0], counts);
    }

    [Fact]
    public void An_empty_rule_set_copies_records()
    {
        var pipeline = CleansingPipeline.Build([]);
        string[] raw = [" a ", "无"];
        var output = new string[2];
        pipeline.Apply(raw, output, []);
        Assert.Equal(raw, output);
        Assert.Empty(pipeline.Steps);
    }
}
