namespace AnomalyStudio.Core.Scoring;

/// <summary>Ranking quality of scores against ground-truth labels (true = anomaly).</summary>
public static class Evaluation
{
    /// <summary>
    /// ROC-AUC by the rank-sum (Mann–Whitney U) formula with tied scores given their average rank, which is
    /// what scikit-learn's <c>roc_auc_score</c> computes. Null when only one class is present.
    /// </summary>
    public static double? RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var n = Check(scores, labels);
        var positives = labels.Count(l => l);
        var negatives = n - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var order = Enumerable.Range(0, n).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            var averageRank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                if (labels[order[k]])
                {
                    positiveRankSum += averageRank;
                }
            }

            i = j + 1;
        }

        return (positiveRankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>
    /// Average precision, Σ (Rₙ − Rₙ₋₁) Pₙ over the distinct score thresholds from the highest down,
    /// as scikit-learn's <c>average_precision_score</c>. Null when there is no anomaly.
    /// </summary>
    public static double? AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var n = Check(scores, labels);
        var positives = labels.Count(l => l);
        if (positives == 0)
        {
            return null;
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ToArray();
        double ap = 0, previousRecall = 0;
        var truePositives = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            for (var k = i; k <= j; k++)
            {
                truePositives += labels[order[k]] ? 1 : 0;
            }

            var recall = (double)truePositives / positives;
            var precision = (double)truePositives / (j + 1);
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
            i = j + 1;
        }

        return ap;
    }

    /// <summary>
    /// The highest F1 of any threshold on the scores (flagging every record scoring at least it), cutting only between
    /// distinct scores; 0 when there is no anomaly.
    /// </summary>
    public static double BestF1(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var n = Check(scores, labels);
        var positives = labels.Count(l => l);
        if (positives == 0)
        {
            return 0;
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ToArray();
        double best = 0;
        var truePositives = 0;
        for (var k = 0; k < n; k++)
        {
            truePositives += labels[order[k]] ? 1 : 0;
            if (k + 1 == n || scores[order[k + 1]] != scores[order[k]])
            {
                best = Math.Max(best, FlagEvaluation.F1Of(truePositives, k + 1, positives));
            }
        }

        return best;
    }

    /// <summary>
    /// Points of the precision–recall curve from the highest threshold down, at most <paramref name="points"/> of them
    /// (evenly spaced in rank), for a chart; empty when there is no anomaly.
    /// </summary>
    public static IReadOnlyList<(double Threshold, double Precision, double Recall)> PrecisionRecallCurve(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, int points = 100)
    {
        var n = Check(scores, labels);
        var positives = labels.Count(l => l);
        var curve = new List<(double, double, double)>();
        if (positives == 0 || n == 0)
        {
            return curve;
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ToArray();
        var step = Math.Max(1, n / Math.Max(points, 1));
        var truePositives = 0;
        var next = step - 1;
        for (var k = 0; k < n; k++)
        {
            truePositives += labels[order[k]] ? 1 : 0;
            var lastOfTie = k + 1 == n || scores[order[k + 1]] != scores[order[k]];
            if (lastOfTie && (k >= next || k + 1 == n))
            {
                curve.Add((scores[order[k]], (double)truePositives / (k + 1), (double)truePositives / positives));
                next = k + step;
            }
        }

        return curve;
    }

    private static int Check(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException($"{scores.Count} scores but {labels.Count} labels.", nameof(labels));
        }

        return scores.Count;
    }
}
