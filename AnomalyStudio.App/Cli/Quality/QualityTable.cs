using System.Globalization;

namespace AnomalyStudio.App.Cli.Quality;

/// <summary>
/// The Markdown tables <c>bench quality</c> prints and the README quotes as they are: a row per data set and model,
/// then the medians per model. Nothing in them depends on the machine (timings are printed apart), so the same data
/// and seed give the same text anywhere.
/// </summary>
public static class QualityTable
{
    public static IReadOnlyList<string> Header { get; } =
    [
        "| data set | model | records | threshold | flagged % | high+critical | ROC-AUC | AP | P | R | F1 | best F1 | F1/best |",
        "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ];

    public static IReadOnlyList<string> MediansHeader { get; } =
    [
        "| model | labelled sets | median ROC-AUC | median AP | median F1/best | sets with ROC-AUC ≥ 0.9 and nothing flagged |",
        "|---|---:|---:|---:|---:|---:|",
    ];

    /// <summary>One data set scored by one model.</summary>
    public static string Row(QualityRow row) => row.Error is { } error
        ? $"| {row.DataSet} | {row.Model} | error: {error.Replace('|', '/')} | | | | | | | | | | |"
        : string.Create(CultureInfo.InvariantCulture,
            $"| {row.DataSet} | {row.Model} | {row.Records:N0} | {row.ThresholdMethod} | {row.FlaggedPercent:0.0} | {row.HighOrCritical:N0} | {Number(row.RocAuc)} | {Number(row.AveragePrecision)} | {Number(row.Flag?.Precision)} | {Number(row.Flag?.Recall)} | {Number(row.Flag?.F1)} | {Number(row.Flag?.BestF1)} | {Number(row.Flag?.F1Ratio)} |");

    /// <summary>The medians of one model's labelled rows, and how many sets it ranks well but leaves unflagged.</summary>
    public static string Medians(string model, IEnumerable<QualityRow> rows)
    {
        var labelled = rows.Where(r => r.Model == model && r.Flag is not null).ToList();
        var silent = labelled.Count(r => r.RocAuc >= 0.9 && r.FlaggedPercent == 0);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {model} | {labelled.Count} | {Number(Median(labelled.Select(r => r.RocAuc)))} | {Number(Median(labelled.Select(r => r.AveragePrecision)))} | {Number(Median(labelled.Select(r => (double?)r.Flag!.F1Ratio)))} | {silent} |");
    }

    /// <summary>The median of the values present (the mean of the middle two for an even count); null when none is.</summary>
    private static double? Median(IEnumerable<double?> values)
    {
        var sorted = values.Where(v => v is not null).Select(v => v!.Value).Order().ToList();
        return sorted.Count == 0 ? null : (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
