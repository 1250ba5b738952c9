using System.Buffers;
using System.Globalization;
using System.Text;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// Writes scored records as CSV: line, timestamp, identifier, score, severity, explanation. Chunks of records
/// are formatted to UTF-8 on all cores and written in order, so a million-row report takes a fraction of a second.
/// </summary>
public static class CsvReportWriter
{
    public const string Header = "line,timestamp,identifier,score,severity,explanation";

    private const int ChunkRecords = 16_384;

    private static readonly byte[][] SeverityBytes =
        [.. Enum.GetValues<Scoring.Severity>().Select(s => Encoding.UTF8.GetBytes(ReportNames.Of(s)))];

    public static async Task WriteAsync(Stream output, DetectionResult result, int? limit = null, CancellationToken cancellationToken = default)
    {
        var records = ReportSelection.Select(result.Records, limit) as IReadOnlyList<ScoredRecord> ?? ReportSelection.Select(result.Records, limit).ToList();
        await output.WriteAsync(Encoding.UTF8.GetBytes(Header + "\n"), cancellationToken).ConfigureAwait(false);
        var chunks = (records.Count + ChunkRecords - 1) / ChunkRecords;
        var wave = Math.Max(2, Environment.ProcessorCount * 2);
        for (var first = 0; first < chunks; first += wave)
        {
            var count = Math.Min(wave, chunks - first);
            var buffers = new ArrayBufferWriter<byte>[count];
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, c =>
            {
                var start = (first + c) * ChunkRecords;
                var end = Math.Min(records.Count, start + ChunkRecords);
                var buffer = new ArrayBufferWriter<byte>((end - start) * 64);
                for (var i = start; i < end; i++)
                {
                    Append(buffer, records[i]);
                }

                buffers[c] = buffer;
            });

            foreach (var buffer in buffers)
            {
                await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            }
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Append(ArrayBufferWriter<byte> buffer, ScoredRecord record)
    {
        var span = buffer.GetSpan(128);
        var n = 0;
        record.Line.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        n += written;
        span[n++] = (byte)',';
        if (record.Timestamp is { } timestamp)
        {
            n += WriteTimestamp(span[n..], timestamp);
        }

        span[n++] = (byte)',';
        buffer.Advance(n);
        AppendText(buffer, record.Identifier);

        span = buffer.GetSpan(64);
        n = 0;
        span[n++] = (byte)',';
        record.Score.TryFormat(span[n..], out written, "F6", CultureInfo.InvariantCulture);
        n += written;
        span[n++] = (byte)',';
        SeverityBytes[(int)record.Severity].CopyTo(span[n..]);
        n += SeverityBytes[(int)record.Severity].Length;
        span[n++] = (byte)',';
        buffer.Advance(n);
        AppendText(buffer, record.Explanation);
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
    }

    private static void AppendText(ArrayBufferWriter<byte> buffer, string text)
    {
        var cell = CsvCell.Format(text);
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(cell.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(cell, span));
    }

    // 2015-05-17T10:05:03+00:00, written digit by digit: custom DateTimeOffset formats are slow.
    private static int WriteTimestamp(Span<byte> span, DateTimeOffset t)
    {
        var n = 0;
        Digits(span, ref n, t.Year, 4);
        span[n++] = (byte)'-';
        Digits(span, ref n, t.Month, 2);
        span[n++] = (byte)'-';
        Digits(span, ref n, t.Day, 2);
        span[n++] = (byte)'T';
        Digits(span, ref n, t.Hour, 2);
        span[n++] = (byte)':';
        Digits(span, ref n, t.Minute, 2);
        span[n++] = (byte)':';
        Digits(span, ref n, t.Second, 2);
        var offset = t.Offset;
        span[n++] = offset < TimeSpan.Zero ? (byte)'-' : (byte)'+';
        offset = offset.Duration();
        Digits(span, ref n, offset.Hours, 2);
        span[n++] = (byte)':';
        Digits(span, ref n, offset.Minutes, 2);
        return n;
    }

    private static void Digits(Span<byte> span, ref int n, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            span[n + i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        n += width;
    }
}
