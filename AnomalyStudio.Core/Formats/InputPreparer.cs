using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Formats;

/// <summary>The first stages of every detection and every training run: detect the format, then let it parse and extract features.</summary>
public static class InputPreparer
{
    /// <param name="fitOnFile">Given the number of records read, whether the model will be fitted on this file (then a
    /// table gets features of its own columns) or a pretrained model will score it (then the fixed-width summary).</param>
    /// <param name="stageDone">Each stage done, timed since the previous one.</param>
    /// <param name="progress">Where to report progress (stage, fraction done when known, message).</param>
    /// <param name="formats">The formats to detect among; <see cref="InputFormatCatalog.Standard"/> when null.</param>
    /// <param name="choice">The format the user chose; null to detect it.</param>
    /// <param name="analysedAsSeries">Given a table as read, whether it will be judged as a time series (<see cref="PreparationContext.AnalysedAsSeries"/>).</param>
    public static PreparedInput Prepare(
        Stream input,
        string fileName,
        Func<int, bool> fitOnFile,
        ParseLimits limits,
        Action<PreparationStage, TimeSpan>? stageDone = null,
        Action<PreparationStage, double?, string>? progress = null,
        InputFormatCatalog? formats = null,
        FormatChoice? choice = null,
        Func<CsvTable, bool>? analysedAsSeries = null,
        CancellationToken cancellationToken = default)
    {
        var context = new PreparationContext
        {
            FileName = fileName,
            FitOnFile = fitOnFile,
            Limits = limits,
            Length = input.CanSeek ? input.Length - input.Position : null,
            Progress = progress,
            CancellationToken = cancellationToken,
            StageDone = stageDone,
            AnalysedAsSeries = analysedAsSeries,
        };
        context.Report(PreparationStage.Parsing, 0, $"Reading {fileName}");
        using var sniffed = (formats ?? InputFormatCatalog.Standard).Detect(input, fileName, limits, choice);
        var prepared = sniffed.Format.Prepare(sniffed, context);
        prepared.Notes.InsertRange(0, sniffed.Notes);
        return prepared;
    }
}
