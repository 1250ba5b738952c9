using System.Globalization;
using AnomalyStudio.App.Components.Controls;
using AnomalyStudio.App.State;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.Components.Pages;

/// <summary>
/// What the dashboard's polite status region says about the session's run: the upload, each stage of the scoring,
/// the outcome with its counts, or the error. The text changes only when there is news (a new stage, not each
/// percent), so a screen reader announces each step once.
/// </summary>
public sealed class RunAnnouncer
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public string Text(AnalysisSession session)
    {
        if (session.IsRunning)
        {
            return session.Progress is { } progress ? Stage(progress) : "Starting…";
        }

        if (session.Error is { } error)
        {
            return "Error: " + error;
        }

        return session.Result is { } result ? Done(result, session.FileName) : "";
    }

    /// <summary>A stage in words: the upload names its file (without the changing byte count).</summary>
    private static string Stage(PipelineProgress progress) => progress.Stage switch
    {
        PipelineStage.Reading => (progress.Message.Split(':')[0]).TrimEnd('.') + "…",
        PipelineStage.Parsing => "Reading the records…",
        PipelineStage.Features => "Computing the features…",
        PipelineStage.Training => "Training the model…",
        PipelineStage.Scoring => "Scoring…",
        PipelineStage.Explaining => "Explaining the anomalies…",
        PipelineStage.Entities => "Scoring clients and identifiers…",
        PipelineStage.Spikes => "Looking for spikes…",
        _ => "Finishing…",
    };

    /// <summary>"Scored sample.log: 5,000 records, 429 anomalies; 22 critical, 85 high, 130 medium, 192 low, 4,571 normal."</summary>
    public static string Done(DetectionResult result, string? fileName) => string.Create(Culture,
        $"Scored {fileName ?? result.FileName}: {result.Summary.Total:N0} records, {result.Summary.Anomalies:N0} anomalies; {ChartSummaries.Severities(result)}");
}
