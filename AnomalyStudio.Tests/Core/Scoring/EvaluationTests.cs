using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Tests.Support;

namespace AnomalyStudio.Tests.Core.Scoring;

/// <summary>
/// Expected values from scikit-learn 1.2.1:
/// <c>/usr/bin/python3 -c "from sklearn.metrics import roc_auc_score, average_precision_score; print(roc_auc_score(y, s), average_precision_score(y, s))"</c>.
/// </summary>
public sealed class EvaluationTests
{
    public static TheoryData<string, double[], bool[], double, double> Examples => new()
    {
        { "perfect", [0.1, 0.2, 0.8, 0.9], [false, false, true, true], 1.0, 1.0 },
        // AP: the positives come third and fourth, precision 1/3 and 2/4 → (1/3 + 1/2) / 2.
        { "inverted", [0.9, 0.8, 0.2, 0.1], [false, false, true, true], 0.0, 0.41666666666666663 },
        // AUC: 3 of 4 pairs ordered; AP: 0.5·1 + 0.5·2/3.
        { "mixed", [0.1, 0.4, 0.35, 0.8], [false, false, true, true], 0.75, 0.8333333333333333 },
        // A tied positive–negative pair counts half; AP takes the tied group at once: 1/3·1 + 2/3·3/5.
        { "ties", [0.5, 0.5, 0.5, 0.9, 0.1, 0.5], [true, false, true, true, false, false], 0.7777777777777778, 0.7333333333333334 },
        { "all tied", [1, 1, 1, 1], [false, true, false, true], 0.5, 0.5 },
        { "ties in several groups", [3, 1, 2, 2, 3, 0, 2], [true, false, true, false, false, false, true], 0.7083333333333333, 0.5666666666666667 },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Roc_auc_equals_scikit_learn_including_ties(string example, double[] scores, bool[] labels, double auc, double ap)
    {
        _ = (example, ap);

        Assert.Equal(auc, Evaluation.RocAuc(scores, labels)!.Value, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Average_precision_equals_scikit_learn_including_ties(string example, double[] scores, bool[] labels, double auc, double ap)
    {
        _ = (example, auc);

        Assert.Equal(ap, Evaluation.AveragePrecision(scores, labels)!.Value, 1e-12);
    }

    [Theory]
    // roc_auc_score(y, x[:, j]) and average_precision_score(y, x[:, j]) for the columns of tabular/thyroid.csv,
    // which have only 72–324 distinct values in 3,772 rows, so nearly every score is tied.
    [InlineData("f0", 0.47920776742160526, 0.02304123103257954)]
    [InlineData("f1", 0.9923424726798715, 0.7960450803847853)]
    [InlineData("f2", 0.12664293417741498, 0.013854453224536349)]
    [InlineData("f3", 0.012387950208536105, 0.012746683668415248)]
    [InlineData("f4", 0.608894714844789, 0.03744062845312096)]
    [InlineData("f5", 0.0033114421579028904, 0.012728777498328344)]
    public void Equals_scikit_learn_on_the_heavily_tied_thyroid_columns(string column, double auc, double ap)
    {
        var table = TestData.ReadTabular("thyroid");
        var scores = table.Columns.Single(c => c.Name == column).Numbers!;
        var labels = TestData.Labels(table);

        Assert.Equal(auc, Evaluation.RocAuc(scores, labels)!.Value, 1e-12);
        Assert.Equal(ap, Evaluation.AveragePrecision(scores, labels)!.Value, 1e-12);
    }

    [Fact]
    public void Roc_auc_is_null_when_one_class_is_missing()
    {
        Assert.Null(Evaluation.RocAuc([0.1, 0.5, 0.9], [false, false, false]));
        Assert.Null(Evaluation.RocAuc([0.1, 0.5, 0.9], [true, true, true]));
        Assert.Null(Evaluation.RocAuc([], []));
    }

    [Fact]
    public void Average_precision_is_null_without_anomalies_and_one_with_only_anomalies()
    {
        Assert.Null(Evaluation.AveragePrecision([0.1, 0.5, 0.9], [false, false, false]));
        // scikit-learn gives 1.0 here: every threshold has precision 1.
        Assert.Equal(1.0, Evaluation.AveragePrecision([0.1, 0.5, 0.2], [true, true, true]));
    }

    [Fact]
    public void Does_not_depend_on_the_order_of_the_records()
    {
        double[] scores = [3, 1, 2, 2, 3, 0, 2];
        bool[] labels = [true, false, true, false, false, false, true];
        int[] order = [6, 2, 0, 5, 3, 1, 4];

        var shuffledScores = order.Select(i => scores[i]).ToArray();
        var shuffledLabels = order.Select(i => labels[i]).ToArray();

        Assert.Equal(Evaluation.RocAuc(scores, labels), Evaluation.RocAuc(shuffledScores, shuffledLabels));
        Assert.Equal(Evaluation.AveragePrecision(scores, labels), Evaluation.AveragePrecision(shuffledScores, shuffledLabels));
    }

    [Fact]
    public void Rejects_scores_and_labels_of_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => Evaluation.RocAuc([0.1, 0.2], [true]));
        Assert.Throws<ArgumentException>(() => Evaluation.AveragePrecision([0.1], [true, false]));
    }

    [Fact]
    public void Best_f1_tries_every_cut_between_distinct_scores()
    {
        double[] scores = [0.9, 0.8, 0.8, 0.4, 0.3, 0.1];
        bool[] labels = [true, false, true, true, false, false];

        // Cuts: {0.9} F1 0.5; {0.9, 0.8, 0.8} 2·2/(3+3) = 0.667; {…, 0.4} 2·3/(4+3) = 0.857; {…, 0.3} 0.75; all 0.667.
        Assert.Equal(6.0 / 7, Evaluation.BestF1(scores, labels), 12);
        Assert.Equal(0, Evaluation.BestF1(scores, new bool[6]));
    }

    [Fact]
    public void The_flag_is_judged_by_precision_recall_and_f1_against_the_best()
    {
        double[] scores = [0.9, 0.8, 0.8, 0.4, 0.3, 0.1];
        bool[] labels = [true, false, true, true, false, false];
        bool[] flagged = [true, true, true, false, false, false];

        var flag = FlagEvaluation.Of(scores, flagged, labels)!;

        Assert.Equal(2.0 / 3, flag.Precision, 12);
        Assert.Equal(2.0 / 3, flag.Recall, 12);
        Assert.Equal(2.0 / 3, flag.F1, 12);
        Assert.Equal(flag.F1 / (6.0 / 7), flag.F1Ratio, 12);
        Assert.Null(FlagEvaluation.Of(scores, flagged, new bool[6]));
    }

    [Fact]
    public void The_precision_recall_curve_runs_from_the_highest_threshold_down()
    {
        double[] scores = [0.9, 0.8, 0.8, 0.4, 0.3, 0.1];
        bool[] labels = [true, false, true, true, false, false];

        var curve = Evaluation.PrecisionRecallCurve(scores, labels, points: 10);

        Assert.Equal([(0.9, 1.0, 1.0 / 3), (0.8, 2.0 / 3, 2.0 / 3), (0.4, 0.75, 1.0), (0.3, 0.6, 1.0), (0.1, 0.5, 1.0)], curve);
    }
}

