using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>
/// A detection's scores as the model and the file's evidence gave them, with the raw scores and the calibration that
/// made them, so rules can leave a record's evidence out without scoring anything again.
/// </summary>
internal sealed record BaseScoring(double[] Raw, ScoreCalibration Calibration, double[] Scores, double[]? Evidence)
{
    /// <summary>The scores and evidence with the evidence of every record a rule matched (<paramref name="ruleOf"/> ≥ 0) left out.</summary>
    public (double[] Scores, double[]? Evidence) Without(int[]? ruleOf)
    {
        if (ruleOf is null || Evidence is null)
        {
            return (Scores, Evidence);
        }

        var scores = (double[])Scores.Clone();
        var evidence = (double[])Evidence.Clone();
        for (var i = 0; i < scores.Length; i++)
        {
            if (ruleOf[i] >= 0 && evidence[i] > 0)
            {
                evidence[i] = 0;
                scores[i] = Calibration.Normalise(Raw[i], 0);
            }
        }

        return (scores, evidence);
    }
}
