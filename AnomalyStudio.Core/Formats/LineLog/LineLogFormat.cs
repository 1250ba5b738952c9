using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Parsing.LineLogs;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Formats.LineLog;

/// <summary>
/// A plain line log (syslog, HDFS, Android logcat, log4j, … see <see cref="LineLogLayouts"/>): a header per line and a
/// free-text message, whose templates are mined; recognised by the header layout most sampled lines start with.
/// </summary>
public sealed class LineLogFormat : IInputFormat
{
    public const string FormatName = "line-log";

    public string Name => FormatName;

    public string DisplayName => "Line log";

    public PretrainedFeatures Pretrained => TablePreparation.Pretrained;

    // Above a bare column count (see CsvFormat), below a .csv name.
    public FormatMatch Sniff(FormatSample sample) =>
        LineLogLayouts.Recognise(sample.Texts) is { } layout ? new FormatMatch(0.7, layout) : FormatMatch.None;

    public string Expected(FormatSample sample) => "a log line starting with a timestamp or a [level]";

    public PreparedInput Prepare(SniffedInput input, PreparationContext context) =>
        TablePreparation.Prepare(this, context, rows => new LineLogReader().Read(
            input.Content,
            input.LineLogLayout ?? throw new ArgumentException("A line log needs its header layout.", nameof(input)),
            context.Limits,
            rows,
            context.CancellationToken));
}
