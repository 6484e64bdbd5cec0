namespace GovDataConsole.Features.Collection;

/// <summary>One accepted row of a batch: the raw values exactly as received, as a JSON array in the resource's item order.</summary>
public class BatchRecord
{
    public long Id { get; private set; }
    public int BatchId { get; private set; }
    public int RowNumber { get; private set; }
    public string ValuesJson { get; private set; } = "";

    /// <summary>The cleansed values (same shape); null while not cleansed or when cleansing changed nothing in the row.</summary>
    public string? CleansedJson { get; private set; }

    /// <summary>
    /// Values a department corrected through a rectification order (same shape); when set they are the record's current values,
    /// ahead of the cleansed ones, and survive a re-cleanse. Earlier values are kept in <see cref="BatchRecordHistory"/>.
    /// </summary>
    public string? CorrectedJson { get; private set; }

    /// <summary>Set when de-duplication dropped this row: the row kept for the same business key.</summary>
    public int? DuplicateOfRow { get; private set; }

    private BatchRecord() { }

    internal void Correct(string json) => CorrectedJson = json;
}

/// <summary>One rejected cell of a batch row: which row, which item, what value, and why.</summary>
public class BatchRowError
{
    public long Id { get; private set; }
    public int BatchId { get; private set; }
    public int RowNumber { get; private set; }
    public int ColumnNumber { get; private set; }
    public string ItemCode { get; private set; } = "";
    public string? Value { get; private set; }
    public string Message { get; private set; } = "";

    private BatchRowError() { }
}
