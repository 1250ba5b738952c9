using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Formats.Csv;

/// <summary>Delimited text with a header row: certain when the file is named .csv or .tsv, else when the lines split into two or more columns.</summary>
public sealed class CsvFormat : IInputFormat
{
    public const string FormatName = "csv";

    public string Name => FormatName;

    public string DisplayName => "CSV table";

    public PretrainedFeatures Pretrained => TablePreparation.Pretrained;

    // A .csv name outranks a line log's header (the user said what it is); a bare column count does not, because it
    // takes any comma for a column (a log's "12:00:03,123" has one on every line), while a CSV header is names.
    public FormatMatch Sniff(FormatSample sample)
    {
        var delimiter = FormatDetector.SniffDelimiter(sample.Texts, out var columns);
        if (sample.HasExtension(".csv", ".tsv"))
        {
            return new FormatMatch(0.8, delimiter);
        }

        return columns >= 2 ? new FormatMatch(0.5, delimiter) : FormatMatch.None;
    }

    public string Expected(FormatSample sample) => "a CSV header with a ',', ';', tab or '|' delimiter";

    public PreparedInput Prepare(SniffedInput input, PreparationContext context) =>
        TablePreparation.Prepare(this, context, rows =>
            new CsvTableReader().Read(input.Content, input.CsvDelimiter, context.Limits, rows, context.CancellationToken));
}
