using AnomalyStudio.Core.Explanations;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>The first stages of every detection and every training run: detect the format, parse, extract features.</summary>
public static class InputPreparer
{
    /// <param name="fitOnFile">Given the number of records read, whether the model will be fitted on this file (then a
    /// table gets features of its own columns) or a pretrained model will score it (then the fixed-width summary).</param>
    public static PreparedInput Prepare(
        Stream input,
        string fileName,
        Func<int, bool> fitOnFile,
        ParseLimits limits,
        Action<PipelineStage, TimeSpan>? stageDone = null,
        IProgress<PipelineProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var length = input.CanSeek ? input.Length - input.Position : (long?)null;
        progress?.Report(new PipelineProgress(PipelineStage.Parsing, 0, $"Reading {fileName}"));
        using var sniffed = FormatDetector.Detect(input, fileName, limits);
        var prepared = sniffed.Format == InputFormat.Apache
            ? PrepareAccessLog(sniffed.Content, fileName, fitOnFile, length, limits, clock, stageDone, progress, cancellationToken)
            : PrepareTable(sniffed, fileName, fitOnFile, limits, clock, stageDone, progress, cancellationToken);
        prepared.Notes.InsertRange(0, sniffed.Notes);
        return prepared;
    }

    private static PreparedInput PrepareAccessLog(
        Stream content, string fileName, Func<int, bool> fitOnFile, long? length, ParseLimits limits, System.Diagnostics.Stopwatch clock,
        Action<PipelineStage, TimeSpan>? stageDone, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var bytesProgress = progress is null ? null : new CallbackProgress<long>(bytes => progress.Report(new PipelineProgress(
            PipelineStage.Parsing, length is > 0 ? Math.Min(1, (double)bytes / length.Value) : null, $"Parsing {fileName}: {bytes / (1 << 20):N0} MB")));
        var parsed = new AccessLogParser().Parse(content, limits, bytesProgress, cancellationToken);
        stageDone?.Invoke(PipelineStage.Parsing, clock.Elapsed);
        clock.Restart();

        progress?.Report(new PipelineProgress(PipelineStage.Features, null, $"Extracting features of {parsed.Records.Count:N0} requests"));
        var features = AccessLogFeatureExtractor.Extract(parsed.Records, cancellationToken);
        stageDone?.Invoke(PipelineStage.Features, clock.Elapsed);
        var records = parsed.Records;

        var explainer = new AccessLogExplainer(features);
        return new PreparedInput
        {
            Format = InputFormat.Apache,
            FitOnFile = fitOnFile(records.Count),
            Matrix = features.Matrix,
            Kind = FeatureKind.AccessLog,
            Skipped = parsed.Skipped,
            Lines = records.Lines,
            Source = new AccessLogRecordSource(records),
            Timestamp = i => records.Timestamps[i],
            Identifier = i => records.Ips[i],
            Reasons = explainer.Reasons,
            Evidence = EvidencePrior.OfAccessLog(features),
            AccessLog = features,
        };
    }

    /// <summary>Any table-shaped input (CSV, JSON lines, a line log): read by its format's reader, then the table features.</summary>
    private static PreparedInput PrepareTable(
        SniffedInput sniffed, string fileName, Func<int, bool> fitOnFile, ParseLimits limits, System.Diagnostics.Stopwatch clock,
        Action<PipelineStage, TimeSpan>? stageDone, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var rowsProgress = progress is null ? null : new CallbackProgress<long>(rows => progress.Report(new PipelineProgress(
            PipelineStage.Parsing, null, $"Parsing {fileName}: {rows:N0} rows")));
        var table = TableReader.Read(sniffed, limits, rowsProgress, cancellationToken);
        stageDone?.Invoke(PipelineStage.Parsing, clock.Elapsed);
        clock.Restart();

        progress?.Report(new PipelineProgress(PipelineStage.Features, null, $"Extracting features of {table.RowCount:N0} rows"));
        var notes = new List<string>(table.Notes);
        var fit = fitOnFile(table.RowCount);
        var features = fit ? CsvFeatureExtractor.TryOwn(table) : null;
        if (features is null)
        {
            if (fit)
            {
                notes.Add("The file has no column to learn from (only labels, timestamps, identifiers and date parts), so the model was fitted on the summary features.");
            }

            features = CsvFeatureExtractor.Summary(table);
        }

        stageDone?.Invoke(PipelineStage.Features, clock.Elapsed);
        var prepared = new PreparedInput
        {
            Format = sniffed.Format,
            FitOnFile = fit,
            Matrix = features.Matrix,
            Kind = features.Kind,
            Skipped = table.Skipped,
            Lines = table.RowNumbers,
            Source = new CsvRecordSource(table),
            Timestamp = table.Timestamps is { } times ? i => times[i] : _ => null,
            Identifier = table.Identifier,
            Reasons = i => CsvExplainer.Reasons(features, i),
            Labels = table.LabelColumn?.Texts?.Select(LabelValues.IsAnomaly).ToArray(),
            Evidence = CsvFeatureExtractor.Evidence(table, features.Texts.Count > 0 ? features.Texts : null),
            Table = table,
        };
        prepared.Notes.AddRange(notes);
        return prepared;
    }
}
