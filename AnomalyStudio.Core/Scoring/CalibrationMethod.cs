namespace AnomalyStudio.Core.Scoring;

/// <summary>How a model's raw scores are mapped to 0…1 (see <see cref="ScoreCalibration"/>).</summary>
public enum CalibrationMethod
{
    /// <summary>Robust distance from the baseline's typical score: the share flagged follows the data (the default).</summary>
    Robust,

    /// <summary>A quota: the <c>Contamination</c> share of the baseline reaches "low", whatever it holds.</summary>
    Contamination,
}
