using AnomalyStudio.Core.Formats;
using System.Diagnostics;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Entities;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>
/// The optional stages after the records are scored: entities (who) and spikes (when). They read what the format gave
/// for them (<see cref="PreparedInput.Entities"/>, <see cref="PreparedInput.Facets"/>) and the records' severities,
/// never change a record's score, and add to an anomalous record's explanation only what its entity did.
/// </summary>
internal static class PopulationStage
{
    public static (EntityAnalysis? Entities, SpikeAnalysis? Spikes) Run(
        PreparedInput prepared, ScoredRecords records, DetectionRequest request, DetectorCatalog catalog, PipelineOptions options,
        List<StageTiming> timings, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        EntityAnalysis? entities = null;
        SpikeAnalysis? spikes = null;
        var clock = Stopwatch.StartNew();
        if (request.Entities is { } entityOptions)
        {
            progress?.Report(new PipelineProgress(PipelineStage.Entities, null, "Scoring clients and identifiers against each other"));
            var analyzer = new EntityAnalyzer(catalog, options);
            entities = prepared.Entities is { } source ? analyzer.Analyze(source, records.Severities, entityOptions, cancellationToken) : null;
            if (entities is null)
            {
                prepared.Notes.Add("Entities: the file has no identifier column (IP, host, user …) to group its rows by; name one to use.");
            }
            else
            {
                EntityRecordContext.Annotate(records, entities);
                prepared.Notes.AddRange(entities.Notes);
                if (prepared.EntityLabels is { } truth)
                {
                    entities = entities.Evaluated(truth.Labels, truth.KeyColumn);
                    prepared.Notes.Add(entities.LabelNote!);
                }
            }

            timings.Add(new StageTiming(PipelineStage.Entities, clock.Elapsed));
            clock.Restart();
        }

        if (request.Spikes is { } spikeOptions)
        {
            progress?.Report(new PipelineProgress(PipelineStage.Spikes, null, "Looking for bursts in the rate over time"));
            if (prepared.Facets?.Invoke() is { } facets)
            {
                spikes = SpikeAnalyzer.Analyze(facets, spikeOptions, cancellationToken);
            }

            timings.Add(new StageTiming(PipelineStage.Spikes, clock.Elapsed));
        }

        return (entities, spikes);
    }
}
