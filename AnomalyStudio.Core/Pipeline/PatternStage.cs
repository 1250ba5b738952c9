using System.Diagnostics;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Patterns;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>
/// The optional stage that gives every record its pattern, as the format finds it (<see cref="PreparedInput.Patterns"/>).
/// Like entities and spikes it reads the parsed input and never changes a score; the patterns' counts are summarised later, from the severities of the moment.
/// </summary>
internal static class PatternStage
{
    public static PatternAnalysis? Run(
        PreparedInput prepared, DetectionRequest request, List<StageTiming> timings, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        if (request.Patterns is not { } options)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        progress?.Report(new PipelineProgress(PipelineStage.Patterns, null, "Grouping records by pattern"));
        var patterns = prepared.Patterns?.Invoke(options, prepared.Notes);
        timings.Add(new StageTiming(PipelineStage.Patterns, clock.Elapsed));
        return patterns;
    }
}
