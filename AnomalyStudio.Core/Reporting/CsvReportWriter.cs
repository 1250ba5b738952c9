using System.Buffers;
using System.Globalization;
using System.Text;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// Writes scored records as CSV: line, timestamp, identifier, score, severity, explanation, and templateId and template
/// when the format mines message templates (<see cref="TemplateColumns"/>). Chunks of records
/// are formatted to UTF-8 on all cores and written in order, so a million-row report takes a fraction of a second.
/// </summary>
public static class CsvReportWriter
{
    public const string Header = "line,timestamp,identifier,score,severity,explanation";

    /// <summary>The columns after <see cref="Header"/> when the result has templates (a line log, JSON lines with a message).</summary>
    public const string TemplateColumns = "templateId,template";

    private const int ChunkRecords = 16_384;

    private static readonly byte[] NothingUnusual = Encoding.UTF8.GetBytes(Explanations.ExplanationText.NothingUnusual);

    private static readonly byte[][] SeverityBytes =
        [.. Enum.GetValues<Scoring.Severity>().Select(s => Encoding.UTF8.GetBytes(ReportNames.Of(s)))];

    public static Task WriteAsync(Stream output, DetectionResult result, int? limit = null, CancellationToken cancellationToken = default) =>
        WriteSelectionAsync(output, result, ReportSelection.Select(result.Records, limit), cancellationToken);

    /// <summary>Writes the records at <paramref name="selection"/> (indices into the result), in that order.</summary>
    public static async Task WriteSelectionAsync(Stream output, DetectionResult result, IReadOnlyList<int> selection, CancellationToken cancellationToken = default)
    {
        var records = result.Records;
        var templates = result.Templates;
        await output.WriteAsync(Encoding.UTF8.GetBytes((templates is null ? Header : Header + "," + TemplateColumns) + "\n"), cancellationToken).ConfigureAwait(false);
        var chunks = (selection.Count + ChunkRecords - 1) / ChunkRecords;
        var wave = Math.Max(2, Environment.ProcessorCount * 2);
        var buffers = Enumerable.Range(0, wave).Select(_ => new ArrayBufferWriter<byte>(ChunkRecords * 96)).ToArray(); // reused by every wave
        for (var first = 0; first < chunks; first += wave)
        {
            var count = Math.Min(wave, chunks - first);
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, c =>
            {
                var start = (first + c) * ChunkRecords;
                var end = Math.Min(selection.Count, start + ChunkRecords);
                var buffer = buffers[c];
                buffer.ResetWrittenCount();
                for (var i = start; i < end; i++)
                {
                    Append(buffer, records, templates, selection[i]);
                }
            });

            for (var c = 0; c < count; c++)
            {
                await output.WriteAsync(buffers[c].WrittenMemory, cancellationToken).ConfigureAwait(false);
            }
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void Append(ArrayBufferWriter<byte> buffer, ScoredRecords records, Parsing.LineLogs.RecordTemplates? templates, int index)
    {
        var span = buffer.GetSpan(128);
        var n = 0;
        records.Line(index).TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        n += written;
        span[n++] = (byte)',';
        if (records.Timestamp(index) is { } timestamp)
        {
            n += WriteTimestamp(span[n..], timestamp);
        }

        span[n++] = (byte)',';
        buffer.Advance(n);
        AppendText(buffer, records.Identifier(index));

        span = buffer.GetSpan(64);
        n = 0;
        span[n++] = (byte)',';
        n += WriteScore(span[n..], records.Scores[index]);
        span[n++] = (byte)',';
        var severity = SeverityBytes[(int)records.Severities[index]];
        severity.CopyTo(span[n..]);
        n += severity.Length;
        span[n++] = (byte)',';
        buffer.Advance(n);
        var explanation = records.Explanations[index];
        if (ReferenceEquals(explanation, Explanations.ExplanationText.NothingUnusual))
        {
            buffer.Write(NothingUnusual);
        }
        else
        {
            AppendText(buffer, explanation);
        }

        if (templates is not null)
        {
            var template = templates[index];
            buffer.GetSpan(1)[0] = (byte)',';
            buffer.Advance(1);
            AppendText(buffer, template?.Id ?? string.Empty);
            buffer.GetSpan(1)[0] = (byte)',';
            buffer.Advance(1);
            AppendText(buffer, template?.Text ?? string.Empty);
        }

        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
    }

    // A score in [0, 1] with six decimals, written by hand: "F6" goes through the slow exact formatter.
    private static int WriteScore(Span<byte> span, double score)
    {
        var micros = (long)Math.Round(Math.Clamp(score, 0, 1) * 1_000_000, MidpointRounding.AwayFromZero);
        span[0] = (byte)('0' + (micros / 1_000_000));
        span[1] = (byte)'.';
        var n = 2;
        Digits(span, ref n, (int)(micros % 1_000_000), 6);
        return n;
    }

    private static void AppendText(ArrayBufferWriter<byte> buffer, string text)
    {
        if (text.Length > 0 && text[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') && text.AsSpan().IndexOfAny(",\"\r\n") < 0 && !InertText.NeedsDocumentEscaping(text))
        {
            var plain = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
            buffer.Advance(Encoding.UTF8.GetBytes(text, plain));
            return;
        }

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
