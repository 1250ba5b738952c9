using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Parsing.LineLogs;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.Core.Formats.LineLog;

/// <summary>
/// A plain line log (Apache error log, syslog, application log): a header per line and a free-text message, whose
/// templates are mined; recognised by the header shape most sampled lines start with.
/// </summary>
public sealed class LineLogFormat : IInputFormat
{
    public const string FormatName = "line-log";

    public string Name => FormatName;

    public string DisplayName => "Line log";

    public PretrainedFeatures Pretrained => TablePreparation.Pretrained;

    // Above a bare column count (see CsvFormat), below a .csv name.
    public FormatMatch Sniff(FormatSample sample) =>
        LineLogHeaderParser.Recognise(sample.Texts) is { } shape ? new FormatMatch(0.7, shape) : FormatMatch.None;

    public string Expected(FormatSample sample) => "a log line starting with a timestamp or a [level]";

    public PreparedInput Prepare(SniffedInput input, PreparationContext context) =>
        TablePreparation.Prepare(this, context, rows => new LineLogReader().Read(
            input.Content,
            input.LineLogShape ?? throw new ArgumentException("A line log needs its header shape.", nameof(input)),
            context.Limits,
            rows,
            context.CancellationToken));
}
