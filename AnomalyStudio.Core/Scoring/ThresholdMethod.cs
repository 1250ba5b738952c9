namespace AnomalyStudio.Core.Scoring;

/// <summary>How the score from which records are flagged was chosen (see <see cref="FlagThreshold"/>).</summary>
public enum ThresholdMethod
{
    /// <summary>The file's distances split into a main body and an upper group (Otsu's split of the upper half): the upper group is flagged.</summary>
    Split,

    /// <summary>A fixed robust distance from the baseline's typical record (<see cref="CalibrationOptions.LowZ"/>).</summary>
    Distance,

    /// <summary>A quota of the baseline (<see cref="CalibrationMethod.Contamination"/>).</summary>
    Contamination,

    /// <summary>A score the analyst gave.</summary>
    Manual,

    /// <summary>The analyst asked for the top N records.</summary>
    Top,
}
