using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Explanations;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Patterns;
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
        var features = context.AnalysedAsSeries?.Invoke(table) == true ? null : Features(table, fit, notes);
        var kind = features?.Kind ?? SeriesNotes(table, fit, notes);
        context.Done(PreparationStage.Features);
        Func<int, DateTimeOffset?> timestamp = table.Timestamps is { } times ? i => times[i] : _ => null;
        var prepared = new PreparedInput
        {
            Format = format,
            FitOnFile = fit,
            Matrix = features?.Matrix ?? FeatureMatrix.WithoutColumns(table.RowCount),
            Kind = kind,
            Skipped = table.Skipped,
            Lines = table.LineNumbers, // the line in the file, header counted: the numbering of skipped lines and of every other format
            Source = new CsvRecordSource(table),
            Timestamp = timestamp,
            Identifier = table.Identifier,
            Reasons = i => features is null ? [] : CsvExplainer.Reasons(features, i),
            Labels = labels,
            Evidence = features is null ? null : CsvEvidence.Of(table, features.Texts.Count > 0 ? features.Texts : null),
            Entities = new TableEntitySource(table),
            Facets = () => RecordFacets.OfTable(table),
            Patterns = (options, notes) => PatternFinder.OfTable(table, table.LineNumbers, timestamp, options, notes),
            Table = table,
        };
        prepared.Notes.AddRange(notes);
        return prepared;
    }

    /// <summary>The table's own-column features when the model is fitted on it (the summary when it has none), else the summary, with their notes.</summary>
    private static CsvFeatures Features(CsvTable table, bool fit, List<string> notes)
    {
        var features = fit ? CsvOwnColumnFeatures.TryOwn(table) : null;
        if (features is null)
        {
            if (fit)
            {
                notes.Add(NoOwnColumnNote);
            }

            features = CsvFeatureExtractor.Summary(table);
        }

        AddCounterNote(features.Counters.Select(c => c.Name), notes);
        return features;
    }

    /// <summary>
    /// For a table judged as a time series, whose features the series replaces: only the notes <see cref="Features"/>
    /// would have written, from the counters and whether the table has a column of its own, and the kind it would have made.
    /// </summary>
    private static FeatureKind SeriesNotes(CsvTable table, bool fit, List<string> notes)
    {
        var growth = CounterColumns.GrowthColumns(table);
        var own = fit && CsvOwnColumnFeatures.Exist(table, growth);
        if (fit && !own)
        {
            notes.Add(NoOwnColumnNote);
        }

        AddCounterNote(growth.Values.Select(c => c.Name), notes);
        return own ? FeatureKind.CsvNumeric : FeatureKind.CsvSummary;
    }

    private const string NoOwnColumnNote =
        "The file has no column to learn from (only labels, timestamps, identifiers and date parts), so the model was fitted on the summary features.";

    private static void AddCounterNote(IEnumerable<string> counters, List<string> notes)
    {
        var names = counters.ToList();
        if (names.Count > 0)
        {
            notes.Add($"Cumulative counters scored on their growth per record: {string.Join(", ", names)}.");
        }
    }
}
