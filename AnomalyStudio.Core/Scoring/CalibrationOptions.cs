namespace AnomalyStudio.Core.Scoring;

/// <summary>
/// How raw scores become 0…1 scores and severities. By default (<see cref="CalibrationMethod.Robust"/>) a severity
/// says how far a record is from the baseline's typical score in robust standard deviations (z): low from
/// <see cref="LowZ"/>, medium from <see cref="MediumZ"/>, high from <see cref="HighZ"/>, critical from
/// <see cref="CriticalZ"/>. For normally distributed baseline scores z ≥ 3.5 happens about twice in 10,000.
/// </summary>
public sealed record CalibrationOptions
{
    public CalibrationMethod Method { get; init; } = CalibrationMethod.Robust;

    public double LowZ { get; init; } = 3.5;

    public double MediumZ { get; init; } = 4.5;

    public double HighZ { get; init; } = 6;

    public double CriticalZ { get; init; } = 8;

    /// <summary>Beyond critical the score halves its distance to 1 every this many further σ.</summary>
    public double TailZ { get; init; } = 2;

    /// <summary>
    /// The smallest spread σ taken for the baseline's scores (on the log scale: 0.02 is a 2 % change of the raw score), so
    /// a baseline of near-identical records does not make a tiny difference look extreme.
    /// </summary>
    public double MinimumSpread { get; init; } = 0.02;

    public CalibrationOptions Validate()
    {
        if (!(LowZ > 0 && LowZ < MediumZ && MediumZ < HighZ && HighZ < CriticalZ && double.IsFinite(CriticalZ)))
        {
            throw new ArgumentException(
                $"Calibration distances must rise strictly above 0: low {LowZ}, medium {MediumZ}, high {HighZ}, critical {CriticalZ}.");
        }

        if (!(TailZ > 0 && double.IsFinite(TailZ)))
        {
            throw new ArgumentOutOfRangeException(nameof(TailZ), TailZ, "TailZ must be a positive number.");
        }

        if (!(MinimumSpread > 0 && double.IsFinite(MinimumSpread)))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumSpread), MinimumSpread, "MinimumSpread must be a positive number.");
        }

        return this;
    }
}
