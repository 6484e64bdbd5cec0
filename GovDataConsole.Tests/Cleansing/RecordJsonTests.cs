using System.Text;
using System.Text.Json;
using GovDataConsole.Features.Cleansing;

namespace GovDataConsole.Tests.Cleansing;

/// <summary>The cleansing job's record JSON reader and writer agree with System.Text.Json on every shape it may meet.</summary>
public sealed class RecordJsonTests
{
    public static TheoryData<string[]> Records => new()
    {
        new string[] { },
        new[] { "" },
        new[] { "330102198001051237", "张三", "1", "2026-01-05", "", "+86 138-0013-8000" },
        new[] { "quote \" back \\ slash / tab \t line \n cr \r", "\u3000全角　空格\u00A0", "emoji 😀", "<script>&'", "\u0001\u001f" },
        new[] { "ａｂｃ１２３", "\"", "\\", "\\u0041" },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void Reads_what_the_import_writes_and_writes_what_the_serializer_writes(string[] values)
    {
        var stored = JsonSerializer.Serialize(values);

        Assert.Equal(values, Parse(stored, values.Length));
        Assert.Equal(stored, Encoding.UTF8.GetString(new RecordJson().Serialize(values)));
    }

    [Fact]
    public void Reads_unescaped_non_ascii_as_a_relaxed_writer_stores_it() =>
        Assert.Equal(["张三", "a\\b张", "😀"], Parse("""["张三","a\\b\u5f20","😀"]""", 3));

    [Theory]
    [InlineData("[ \"a\" , \"b\" ]")]
    [InlineData("[\"a\",null]")]
    public void Other_valid_forms_go_through_the_serializer(string json) =>
        Assert.Equal(JsonSerializer.Deserialize<string?[]>(json)!.Select(v => v ?? ""), Parse(json, 2));

    [Theory]
    [InlineData("[\"a\",\"b\\u00\"]")]
    [InlineData("[\"a\",1]")]
    [InlineData("{\"a\":\"b\"}")]
    public void Invalid_records_are_refused(string json) =>
        Assert.ThrowsAny<JsonException>(() => Parse(json, 2));

    [Fact]
    public void Only_the_columns_asked_for_are_read_and_the_others_are_empty()
    {
        string[] values = ["quote \" back \\ slash", "张三", "x\"", "\\", "浙江省杭州市", "last"];
        var stored = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(values));

        Assert.Equal(["", "张三", "", "\\", "", "last"], RecordJson.Parse(stored, 6, [false, true, false, true, false, true]));
        Assert.Equal(["", "", "", "", "", "", ""], RecordJson.Parse(stored, 7, []));
        Assert.Equal(values, RecordJson.Parse(stored, 6, [true, true, true, true, true, true]));
        // A skipped value's closing quote may follow escaped backslashes; an escaped quote may follow them too.
        string[] slashes = ["ends \\", "b", "\\\\\"\\", "\\\"", "c"];
        Assert.Equal(["", "b", "", "", "c"], RecordJson.Parse(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(slashes)), 5, [false, true, false, false, true]));
    }

    [Fact]
    public void Forms_off_the_fast_path_read_every_column_even_when_asked_for_some() =>
        Assert.Equal(["a", "b"], RecordJson.Parse(Encoding.UTF8.GetBytes("[ \"a\" , \"b\" ]"), 2, [false, true]));

    [Fact]
    public void Short_records_are_padded_to_the_width()
    {
        Assert.Equal(["a", "", ""], Parse("[\"a\"]", 3));
        Assert.Equal(["", ""], Parse("[]", 2));
    }

    private static string[] Parse(string json, int width) => RecordJson.Parse(Encoding.UTF8.GetBytes(json), width);
}
