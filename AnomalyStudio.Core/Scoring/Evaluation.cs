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

    private static int Check(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException($"{scores.Count} scores but {labels.Count} labels.", nameof(labels));
        }

        return scores.Count;
    }
}
