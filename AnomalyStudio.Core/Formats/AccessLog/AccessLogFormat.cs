using AnomalyStudio.Core.Explanations;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Formats.AccessLog;

/// <summary>Apache/Nginx access logs (combined or common log format): recognised when at least half the sampled lines parse.</summary>
public sealed class AccessLogFormat : IInputFormat
{
    public const string FormatName = "apache";

    /// <summary>Lines of the generated log the pretrained access-log model is trained on.</summary>
    public const int TrainingLines = 20_000;

    public string Name => FormatName;

    public string DisplayName => "Access log";

    public PretrainedFeatures Pretrained { get; } = new(
        FeatureKind.AccessLog,
        "access-log",
        AccessLogFeatureExtractor.Names,
        "training.log",
        $"generated access log, seed {PretrainedFeatures.TrainingDataSeed}, {TrainingLines:N0} lines",
        writer => new AccessLogSampleGenerator(PretrainedFeatures.TrainingDataSeed).Write(writer, null, TrainingLines));

    // Below JSON lines and a JSON document's refusal (an access-log line never opens with '{' or '['), above a table's name.
    public FormatMatch Sniff(FormatSample sample)
    {
        var pool = new StringPool();
        var parsed = sample.Lines.Count(l => AccessLogParser.TryParseLine(l.Text, l.Number, pool, out _, out _));
        return parsed * 2 >= sample.Lines.Count ? new FormatMatch(0.9) : FormatMatch.None;
    }

    public string Expected(FormatSample sample)
    {
        var first = sample.Lines[0];
        AccessLogParser.TryParseLine(first.Text, first.Number, new StringPool(), out _, out var reason);
        return $"an Apache/Nginx access-log line ({reason})";
    }

    public PreparedInput Prepare(SniffedInput input, PreparationContext context)
    {
        var length = context.Length;
        var bytesProgress = context.Progress is null ? null : new CallbackProgress<long>(bytes => context.Report(
            PreparationStage.Parsing, length is > 0 ? Math.Min(1, (double)bytes / length.Value) : null, $"Parsing {context.FileName}: {bytes / (1 << 20):N0} MB"));
        var parsed = new AccessLogParser().Parse(input.Content, context.Limits, bytesProgress, context.CancellationToken);
        context.Done(PreparationStage.Parsing);

        context.Report(PreparationStage.Features, null, $"Extracting features of {parsed.Records.Count:N0} requests");
        var features = AccessLogFeatureExtractor.Extract(parsed.Records, context.CancellationToken);
        context.Done(PreparationStage.Features);
        var records = parsed.Records;

        var explainer = new AccessLogExplainer(features);
        return new PreparedInput
        {
            Format = this,
            FitOnFile = context.FitOnFile(records.Count),
            Matrix = features.Matrix,
            Kind = FeatureKind.AccessLog,
            Skipped = parsed.Skipped,
            Lines = records.Lines,
            Source = new AccessLogRecordSource(records),
            Timestamp = i => records.Timestamps[i],
            Identifier = i => records.Ips[i],
            Reasons = explainer.Reasons,
            Evidence = AccessLogEvidence.Of(features),
            Entities = new AccessLogEntitySource(features),
            Facets = () => AccessLogFacets.Of(features),
        };
    }
}
