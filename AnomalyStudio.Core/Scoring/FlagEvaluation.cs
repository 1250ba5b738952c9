namespace AnomalyStudio.Core.Scoring;

/// <summary>
/// How well the flag agrees with ground truth: precision, recall and F1 of the flagged records, and the best F1 any
/// threshold on the same scores reaches (so their ratio says how much the threshold, not the ranking, costs).
/// </summary>
public sealed record FlagEvaluation(double Precision, double Recall, double F1, double BestF1)
{
    /// <summary>F1 at the flag over the best F1 (1 when the flag is the best threshold; 0 when there is no anomaly to find).</summary>
    public double F1Ratio => BestF1 > 0 ? F1 / BestF1 : 0;

    /// <summary>Null when the labels hold no anomaly (precision and recall mean nothing then).</summary>
    /// <param name="bestF1">The best F1 of these scores when already known (it does not depend on the flag), to save a sort.</param>
    public static FlagEvaluation? Of(IReadOnlyList<double> scores, IReadOnlyList<bool> flagged, IReadOnlyList<bool> labels, double? bestF1 = null)
    {
        if (scores.Count != labels.Count || flagged.Count != labels.Count)
        {
            throw new ArgumentException($"{scores.Count} scores and {flagged.Count} flags but {labels.Count} labels.", nameof(labels));
        }

        int truePositives = 0, flags = 0, positives = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            positives += labels[i] ? 1 : 0;
            flags += flagged[i] ? 1 : 0;
            truePositives += labels[i] && flagged[i] ? 1 : 0;
        }

        if (positives == 0)
        {
            return null;
        }

        var precision = flags == 0 ? 0 : (double)truePositives / flags;
        var recall = (double)truePositives / positives;
        return new FlagEvaluation(precision, recall, F1Of(truePositives, flags, positives), bestF1 ?? Evaluation.BestF1(scores, labels));
    }

    internal static double F1Of(int truePositives, int flagged, int positives) =>
        truePositives == 0 ? 0 : 2.0 * truePositives / (flagged + positives);
}
