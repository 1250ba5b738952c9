using AnomalyStudio.Core.Scoring;
using System.Diagnostics;
using AnomalyStudio.Core;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Reporting;

namespace AnomalyStudio.App.Cli.Quality;

/// <summary>Scores quality sets through the detection pipeline, as a user's upload would be, and tabulates the outcome.</summary>
public sealed class QualityRunner(DetectionPipeline pipeline)
{
    public async Task<QualityRow> RunAsync(QualitySet set, string model, DetectionMode mode, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await using var input = set.Open();
            await using var labels = set.Labels?.Invoke();
            var result = await pipeline.RunAsync(
                input, new DetectionRequest { FileName = set.FileName, Model = model, Mode = mode, Labels = labels, Entities = set.Entities ? new() : null }, null, cancellationToken).ConfigureAwait(false);
            if (set.Entities && result.Entities is { } entities)
            {
                var counts = entities.Counts;
                var evaluation = entities.Evaluation;
                return new QualityRow(
                    set.Name, model, ReportNames.Of(result.Mode), entities.Count, 100.0 * counts.Anomalies / Math.Max(1, entities.Count),
                    counts.High + counts.Critical, evaluation?.RocAuc, evaluation?.AveragePrecision, clock.Elapsed)
                {
                    Flag = evaluation?.Flag,
                    ThresholdMethod = $"{entities.Column}s",
                };
            }

            var summary = result.Summary;
            return new QualityRow(
                set.Name, model, ReportNames.Of(result.Mode), summary.Total, summary.AnomalyPercent,
                summary.SeverityCounts.High + summary.SeverityCounts.Critical, summary.RocAuc, summary.AveragePrecision, clock.Elapsed)
            {
                Flag = summary.Flag,
                ThresholdMethod = result.Threshold.MethodName,
            };
        }
        catch (InvalidInputException ex)
        {
            return new QualityRow(set.Name, model, ReportNames.Of(mode), 0, 0, 0, null, null, clock.Elapsed, ex.Message);
        }
    }
}
