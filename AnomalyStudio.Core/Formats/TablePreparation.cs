using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Explanations;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Core.Formats;

/// <summary>
/// The path every table-shaped format shares once its reader has made a <see cref="CsvTable"/> (CSV, JSON lines, a line
/// log): the table's own features when the model is fitted on the file, else the fixed-width summary a pretrained model scores.
/// </summary>
public static class TablePreparation
{
    /// <summary>The pretrained model of every table: the CSV summary features, trained on a generated metrics CSV.</summary>
    public static PretrainedFeatures Pretrained { get; } = new(
        FeatureKind.CsvSummary,
        "csv-summary",
        CsvFeatureExtractor.SummaryNames,
        "training.csv",
        $"generated metrics CSV, seed {PretrainedFeatures.TrainingDataSeed}, {TrainingRows:N0} rows",
        writer => new MetricsSampleGenerator(PretrainedFeatures.TrainingDataSeed).Write(writer, TrainingRows));

    public const int TrainingRows = 10_000;

    /// <param name="read">Reads the whole table, reporting rows read.</param>
    public static PreparedInput Prepare(IInputFormat format, PreparationContext context, Func<IProgress<long>?, CsvTable> read)
    {
        var rowsProgress = context.Progress is null ? null : new CallbackProgress<long>(rows =>
            context.Report(PreparationStage.Parsing, null, $"Parsing {context.FileName}: {rows:N0} rows"));
        var table = read(rowsProgress);
        var (labels, labelNote) = table.LabelColumn is { } labelColumn ? LabelColumnReader.Read(labelColumn, table.RowCount) : (null, null);
        if (labels is not null)
        {
            table = LabelLeaks.Exclude(table, LabelLeaks.Find(table, labels));
        }

        context.Done(PreparationStage.Parsing);

        context.Report(PreparationStage.Features, null, $"Extracting features of {table.RowCount:N0} rows");
        var notes = new List<string>(table.Notes);
        if (labelNote is not null)
        {
            notes.Add(labelNote);
        }

        var fit = context.FitOnFile(table.RowCount);
        var features = fit ? CsvOwnColumnFeatures.TryOwn(table) : null;
        if (features is null)
        {
            if (fit)
            {
                notes.Add("The file has no column to learn from (only labels, timestamps, identifiers and date parts), so the model was fitted on the summary features.");
            }

            features = CsvFeatureExtractor.Summary(table);
        }

        if (features.Counters.Count > 0)
        {
            notes.Add($"Cumulative counters scored on their growth per record: {string.Join(", ", features.Counters.Select(c => c.Name))}.");
        }

        context.Done(PreparationStage.Features);
        var prepared = new PreparedInput
        {
            Format = format,
            FitOnFile = fit,
            Matrix = features.Matrix,
            Kind = features.Kind,
            Skipped = table.Skipped,
            Lines = table.LineNumbers, // the line in the file, header counted: the numbering of skipped lines and of every other format
            Source = new CsvRecordSource(table),
            Timestamp = table.Timestamps is { } times ? i => times[i] : _ => null,
            Identifier = table.Identifier,
            Reasons = i => CsvExplainer.Reasons(features, i),
            Labels = labels,
            Evidence = CsvEvidence.Of(table, features.Texts.Count > 0 ? features.Texts : null),
            Entities = new TableEntitySource(table),
            Facets = () => RecordFacets.OfTable(table),
            Table = table,
        };
        prepared.Notes.AddRange(notes);
        return prepared;
    }
}
