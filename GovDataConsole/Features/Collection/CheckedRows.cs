using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using GovDataConsole.Features.Catalog;
using GovDataConsole.Ingest;

namespace GovDataConsole.Features.Collection;

/// <summary>Up to <see cref="CheckedRows.BlockRows"/> consecutive rows after the schema check: accepted rows as UTF-8 JSON, rejected cells as errors.</summary>
internal sealed class CheckedBlock
{
    private byte[] json = new byte[64 * 1024];
    private int jsonLength;

    public List<(int Row, int Start, int Length)> Records { get; } = new(CheckedRows.BlockRows);
    public List<(int Row, int Column, string Item, string Value, string Message)> Errors { get; } = [];
    public int Read { get; set; }
    public int Percent { get; set; }

    public ReadOnlySpan<byte> Json(int start, int length) => json.AsSpan(start, length);

    public void AddRecord(int row, ReadOnlySpan<byte> values)
    {
        if (jsonLength + values.Length > json.Length) Array.Resize(ref json, Math.Max(json.Length * 2, jsonLength + values.Length));
        values.CopyTo(json.AsSpan(jsonLength));
        Records.Add((row, jsonLength, values.Length));
        jsonLength += values.Length;
    }

    public void Clear()
    {
        Records.Clear();
        Errors.Clear();
        (jsonLength, Read, Percent) = (0, 0, 0);
    }
}

/// <summary>
/// Reads, schema-checks and serialises a batch's rows on a worker thread, handing them over in blocks through a small
/// bounded queue, so parsing one part of the file overlaps writing the previous part to the database (two cores busy
/// instead of one) while every database call stays on the job's own flow. Rows keep file order; memory stays bounded.
/// </summary>
internal sealed class CheckedRows : IAsyncDisposable
{
    /// <summary>Rows per block; divides the job's progress interval so progress is reported at the same row counts.</summary>
    public const int BlockRows = 500;

    private const int QueuedBlocks = 4;

    private readonly Channel<CheckedBlock> queue = Channel.CreateBounded<CheckedBlock>(
        new BoundedChannelOptions(QueuedBlocks) { SingleReader = true, SingleWriter = true });
    private readonly ConcurrentQueue<CheckedBlock> free = new();
    private readonly CancellationTokenSource stop;
    private readonly Task producer;

    private CheckedRows(IEnumerable<SourceRow> rows, IReadOnlyList<InfoItem> items, IReadOnlyList<int> columns, Func<int> percent, CancellationToken ct)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        producer = Task.Run(() => ProduceAsync(rows, items, columns, percent, stop.Token), CancellationToken.None);
    }

    /// <summary>Starts checking <paramref name="rows"/>; <paramref name="columns"/> holds each item's 1-based file column (0: not in the file).</summary>
    public static CheckedRows Start(IEnumerable<SourceRow> rows, IReadOnlyList<InfoItem> items, IReadOnlyList<int> columns, Func<int> percent, CancellationToken ct) =>
        new(rows, items, columns, percent, ct);

    /// <summary>The next block, or null after the last; rethrows what stopped the reading (a corrupt file, cancellation).</summary>
    public async ValueTask<CheckedBlock?> NextAsync()
    {
        if (await queue.Reader.WaitToReadAsync(CancellationToken.None) && queue.Reader.TryRead(out var block)) return block;
        await producer;
        return null;
    }

    /// <summary>Hands a consumed block back for reuse.</summary>
    public void Return(CheckedBlock block)
    {
        block.Clear();
        free.Enqueue(block);
    }

    private async Task ProduceAsync(IEnumerable<SourceRow> rows, IReadOnlyList<InfoItem> items, IReadOnlyList<int> columns, Func<int> percent, CancellationToken ct)
    {
        try
        {
            // JSON byte for byte as JsonSerializer.Serialize(string[]) writes it (same writer, default encoder), without a string per row.
            var json = new ArrayBufferWriter<byte>(4096);
            await using var writer = new Utf8JsonWriter(json);
            var block = Rent();
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                block.Read++;
                var ok = true;
                for (var i = 0; i < items.Count; i++)
                {
                    if (SchemaCheck.Check(items[i], row.Cells[i]) is not { } error) continue;
                    ok = false;
                    block.Errors.Add((row.Number, columns[i], items[i].Code, row.Cells[i], error));
                }
                if (ok)
                {
                    json.ResetWrittenCount();
                    writer.Reset(json);
                    writer.WriteStartArray();
                    foreach (var cell in row.Cells) writer.WriteStringValue(cell);
                    writer.WriteEndArray();
                    writer.Flush();
                    block.AddRecord(row.Number, json.WrittenSpan);
                }
                if (block.Read == BlockRows)
                {
                    block.Percent = percent();
                    await queue.Writer.WriteAsync(block, ct);
                    block = Rent();
                }
            }
            if (block.Read > 0)
            {
                block.Percent = percent();
                await queue.Writer.WriteAsync(block, ct);
            }
        }
        finally
        {
            queue.Writer.TryComplete();
        }
    }

    private CheckedBlock Rent() => free.TryDequeue(out var block) ? block : new CheckedBlock();

    /// <summary>Stops the reader (when the job ends early) and waits for it, so the file is not read after it is closed.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await producer;
        }
        catch (Exception)
        {
            // Already surfaced through NextAsync, or the job is ending for another reason.
        }
        stop.Dispose();
    }
}
