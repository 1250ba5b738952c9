namespace AnomalyStudio.Core.Scoring;

/// <summary>
/// The 0…1 score from which a record is flagged (its severity is "low" or above), the method that chose it and why, in
/// one sentence an analyst can read. <see cref="Distance"/> is the same line in robust standard deviations above the
/// baseline's typical record, when the calibration measures distances.
/// </summary>
public sealed record FlagThreshold(double Score, ThresholdMethod Method, string Reason, double? Distance = null)
{
    /// <summary>The word for <see cref="Method"/> in reports and the API.</summary>
    public string MethodName => Names.Of(Method);

    /// <summary>The words for <see cref="ThresholdMethod"/> that reports, the CLI and the API share.</summary>
    public static class Names
    {
        public const string Split = "split", Distance = "distance", Contamination = "contamination", Manual = "manual", Top = "top";

        public static string Of(ThresholdMethod method) => method switch
        {
            ThresholdMethod.Split => Split,
            ThresholdMethod.Distance => Distance,
            ThresholdMethod.Contamination => Contamination,
            ThresholdMethod.Manual => Manual,
            _ => Top,
        };
    }
}
