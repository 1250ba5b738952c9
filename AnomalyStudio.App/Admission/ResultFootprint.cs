using System.Runtime.CompilerServices;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.Admission;

/// <summary>
/// Bytes a <see cref="DetectionResult"/> keeps alive (parsed records, features, scores, severities, explanations,
/// labels, the raw scores kept for rules, entities, spikes, patterns, a time series' context), estimated from array
/// lengths and distinct strings with Core's <see cref="MemoryFootprint"/>:
/// the number the session cap (<see cref="SessionResultLimit"/>) and the server's <see cref="ResultMemoryBudget"/>
/// weigh a result by. Only the App keeps results between requests, so only the App asks.
/// </summary>
public static class ResultFootprint
{
    // Estimating walks every explanation string once, and a result is weighed by the cap and then by the budget:
    // each result's estimate is kept beside it for as long as the result lives.
    private static readonly ConditionalWeakTable<DetectionResult, StrongBox<long>> Estimates = new();

    /// <summary>The estimate for <paramref name="result"/>, computed on first use.</summary>
    public static long Of(DetectionResult result) => Estimates.GetValue(result, r => new StrongBox<long>(Estimate(r))).Value;

    /// <summary>Line numbers are shared by the records and their source, so they are counted once, with the source.</summary>
    private static long Estimate(DetectionResult result) => result.Source.EstimatedBytes
        + MemoryFootprint.Of(result.Records.Scores) + MemoryFootprint.Of(result.Records.Severities)
        + MemoryFootprint.Of(result.Records.Explanations) + MemoryFootprint.DistinctStrings(result.Records.Explanations)
        + MemoryFootprint.Of(result.Features.Values) + MemoryFootprint.Of(result.Labels) + MemoryFootprint.Of(result.Evidence)
        + (result.Templates is { } templates ? 8L * templates.Count : 0) // a reference per record: the texts are the table's template column
        + result.BaseScoringBytes // the raw scores rules rescore from
        + (result.Entities?.EstimatedBytes ?? 0) + (result.Spikes?.EstimatedBytes ?? 0) + (result.Patterns?.EstimatedBytes ?? 0)
        + (result.TimeSeries?.EstimatedBytes ?? 0);
}
