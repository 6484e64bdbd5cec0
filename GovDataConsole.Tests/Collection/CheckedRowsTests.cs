using System.Text;
using System.Text.Json;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Features.Collection;
using GovDataConsole.Ingest;

namespace GovDataConsole.Tests.Collection;

public sealed class CheckedRowsTests
{
    private static readonly List<InfoItem> Items =
    [
        new(new InfoItemForm { Code = "XM", Name = "姓名", DataType = ItemDataType.String, Length = 50, Required = true }, 1),
        new(new InfoItemForm { Code = "CSRQ", Name = "出生日期", DataType = ItemDataType.Date }, 2),
    ];

    private static readonly string[] Tricky = ["张三", "\"引号\" and \\ back", "line\r\nbreak\t", "<b>&'+</b>", "😀 emoji", "\u0001", "", "Ａ全角"];

    private static async Task<List<CheckedBlock>> ReadAllAsync(IEnumerable<SourceRow> rows)
    {
        var blocks = new List<CheckedBlock>();
        await using var checkedRows = CheckedRows.Start(rows, Items, [3, 0], () => 50, TestContext.Current.CancellationToken);
        while (await checkedRows.NextAsync() is { } block) blocks.Add(block); // not returned: each block stays intact
        return blocks;
    }

    [Fact]
    public async Task Writes_each_accepted_row_as_JsonSerializer_would_and_keeps_rejected_cells_as_errors()
    {
        var rows = Enumerable.Range(0, 1_234).Select(i => new SourceRow(i + 2, i % 100 == 7
            ? ["", "not a date"]
            : [Tricky[i % Tricky.Length] + i, i % 3 == 0 ? "" : "2024-02-29"])).ToList();

        var blocks = await ReadAllAsync(rows);

        Assert.Equal([500, 500, 234], blocks.Select(b => b.Read));
        Assert.All(blocks, b => Assert.Equal(50, b.Percent));
        var records = blocks.SelectMany(b => b.Records.Select(r => (r.Row, Json: Encoding.UTF8.GetString(b.Json(r.Start, r.Length))))).ToList();
        var accepted = rows.Where(r => r.Cells[1] != "not a date").ToList();
        Assert.Equal(accepted.Select(r => (r.Number, JsonSerializer.Serialize(r.Cells))), records);
        var errors = blocks.SelectMany(b => b.Errors).ToList();
        Assert.Equal(rows.Count(r => r.Cells[1] == "not a date") * 2, errors.Count);
        Assert.All(errors, e => Assert.Contains(e.Item, new[] { "XM", "CSRQ" }));
        Assert.Equal((9, 3, "XM", ""), (errors[0].Row, errors[0].Column, errors[0].Item, errors[0].Value));
        Assert.Equal((9, 0, "CSRQ", "not a date"), (errors[1].Row, errors[1].Column, errors[1].Item, errors[1].Value));
    }

    [Fact]
    public async Task A_file_problem_met_while_reading_reaches_the_job_after_the_rows_before_it()
    {
        static IEnumerable<SourceRow> Rows()
        {
            for (var i = 0; i < 700; i++) yield return new SourceRow(i + 1, ["名" + i, "2024-01-05"]);
            throw new BatchFileException(BatchFileProblem.Corrupt, "坏文件");
        }

        var read = 0;
        await using var checkedRows = CheckedRows.Start(Rows(), Items, [1, 2], () => 0, TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<BatchFileException>(async () =>
        {
            while (await checkedRows.NextAsync() is { } block) read += block.Read;
        });
        Assert.Equal("坏文件", error.Message);
        Assert.Equal(500, read);
    }
}
