using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Explanations;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Entities;

/// <summary>
/// Scores a file's entities against its own population, as Elastic's population analysis scores each client over
/// all clients: an isolation forest (the catalog's, on the pipeline's seed) is fitted on the entity feature matrix,
/// its raw scores are calibrated with <see cref="ScoreCalibration.Robust"/> (or the quota calibration when the
/// pipeline is set to it), and the records' severity thresholds band them. A scanner's agent or attack payloads add
/// <see cref="EvidencePrior.Signature"/> to the distance, as they do for a record. Same file, options and seed give
/// bit-identical entity scores.
/// </summary>
public sealed class EntityAnalyzer(DetectorCatalog catalog, ITrainingSettings options)
{
    /// <summary>The entities a format's records are grouped into, scored against each other; null when the records have no actor to group by.</summary>
    public EntityAnalysis? Analyze(IEntitySource source, Severity[] severities, EntityOptions entityOptions, CancellationToken cancellationToken = default)
    {
        var groups = source.Group(entityOptions.Validate(), severities, cancellationToken);
        return groups is null ? null : Score(groups, entityOptions, cancellationToken);
    }

    private EntityAnalysis Score(EntityGroups groups, EntityOptions entityOptions, CancellationToken cancellationToken)
    {
        var (kind, index, profiles, column, targetName, sessions) = groups;
        var matrix = EntityFeatures.Of(profiles, kind);
        if (sessions is not null)
        {
            matrix = matrix.Beside(sessions.Features);
        }

        var thresholds = catalog.Thresholds(DetectorNames.IsolationForest);
        var notes = new List<string>();
        var scores = new double[profiles.Length];
        string? model = null;
        if (profiles.Length >= entityOptions.MinEntities)
        {
            var detector = catalog.Create(DetectorNames.IsolationForest);
            var fitted = detector.Fit(matrix, null, cancellationToken);
            var raw = fitted.Score(matrix, cancellationToken);
            var calibration = options.Calibration.Method == CalibrationMethod.Contamination
                ? ScoreCalibration.Fit(raw, options.Contamination, thresholds)
                : ScoreCalibration.Robust(raw, options.Calibration, thresholds);
            var evidence = profiles.Select((p, e) => Evidence(p) + (sessions?.Evidence(e) ?? 0)).ToArray();
            scores = calibration.Normalise(raw, evidence);
            model = detector.Name;
        }
        else
        {
            notes.Add($"Only {profiles.Length:N0} {column} value(s): at least {entityOptions.MinEntities:N0} are needed to score them against each other, so they are listed unscored.");
        }

        var severities = scores.Select(thresholds.Classify).ToArray();
        // Records that carry no value of the column (a line without a client) are listed together, never as an actor.
        var none = Array.FindIndex(profiles, p => p.Key == TableEntityProfiler.NoValue);
        if (none >= 0)
        {
            scores[none] = 0;
            severities[none] = Severity.Normal;
        }

        var explainer = new EntityExplainer(EntityPopulation.Of(profiles), kind, targetName);
        var explanations = new string[profiles.Length];
        var summaries = new string[profiles.Length];
        for (var e = 0; e < profiles.Length; e++)
        {
            summaries[e] = explainer.Summary(profiles[e]);
            explanations[e] = severities[e] == Severity.Normal ? ExplanationText.NothingUnusual : explainer.Explain(profiles[e], sessions?.Reasons(e));
        }

        return new EntityAnalysis
        {
            Kind = kind,
            Index = index,
            Profiles = profiles,
            Features = matrix,
            Scores = scores,
            Severities = severities,
            Explanations = explanations,
            Summaries = summaries,
            Model = model,
            Column = column,
            Notes = notes,
        };
    }

    /// <summary>
    /// Known-bad signals, in robust σ, as <see cref="EvidencePrior"/> gives a record: a scanner's agent, attack payloads,
    /// and a run of refused credentials (mostly 401/403; in a line log, failed logins, a quarter of its lines or more,
    /// since each attempt also writes lines that do not say it failed). An isolation forest sees how rare an entity is, not that 300
    /// refused logins are worse than 300 ordinary page views; on the real Elastic log a brute-force client is the third
    /// most isolated entity but still within the ordinary spread without this.
    /// </summary>
    private static double Evidence(EntityProfile profile) =>
        (profile.Agent == UserAgentKind.Scanner ? EvidencePrior.Signature : 0)
        + (profile.PayloadRecords >= 3 && profile.Share(profile.PayloadRecords) >= 0.2 ? EvidencePrior.Signature : 0)
        + (profile.AuthFailures >= RefusedLogins && profile.Share(profile.AuthFailures) >= RefusedShare ? EvidencePrior.Signature : 0);

    /// <summary>The share of an entity's records that must be refused logins for the run to count.</summary>
    public const double RefusedShare = 0.25;

    /// <summary>Refused requests (401/403) from one entity that count as a run of failed logins.</summary>
    public const int RefusedLogins = 10;
}
