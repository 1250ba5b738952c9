namespace AnomalyStudio.Core.Features;

/// <summary>
/// Signals that make a record more anomalous whatever their frequency in the file, added to the model's distance (in
/// robust standard deviations) before severities are given. An isolation forest or an autoencoder measures how unlike
/// the rest a record is; it cannot know that FATAL is worse than INFO, or that a quote, a comment marker and a UNION
/// in one parameter are an injection rather than a rare search. A file that is one-fifth FATAL (BGL) still has its
/// FATAL lines above its INFO lines, and a rare but harmless line (Thunderbird's one-off cron message) stays below
/// "low" unless something says it is bad.
/// </summary>
public static class EvidencePrior
{
    /// <summary>σ added per level step above INFO: WARN 1, ERROR 2, FATAL 3, EMERG 4.</summary>
    public const double PerLevel = 1;

    /// <summary>σ added per distinct attack-payload token beyond the first (one quote or semicolon alone is common).</summary>
    public const double PerPayloadToken = 1;

    /// <summary>Payload evidence stops growing here: ten tokens are not more of an attack than five.</summary>
    public const double MaxPayload = 4;

    /// <summary>σ added when a message holds alarm words (<see cref="Text.AlarmWords"/>): half a level step.</summary>
    public const double ForAlarmWords = 0.5;

    public static double OfAlarmWords(double words) => words > 0 ? ForAlarmWords : 0;

    /// <summary>σ added for an HTTP status: a client error is a warning (1), a server error an error (2).</summary>
    public const double ClientError = 1, ServerError = 2;

    /// <summary>σ added when a request matches an attack signature (<see cref="UriThreatDetector"/>) or comes from a scanner's agent.</summary>
    public const double Signature = 2;

    /// <summary>
    /// σ added, beyond <see cref="Signature"/>, when a request line carries raw bytes (<see cref="UriThreat.RawBytes"/>):
    /// shellcode is an exploit sent, not a probe, and no client sends such bytes by mistake.
    /// </summary>
    public const double RawBytes = 2;

    /// <summary>
    /// σ added per tenfold of a response's size beyond ten times the file's median (floored at 1 KB, so a log of
    /// empty 304s does not make every page look huge): 100× the median adds 1, 10,000× adds 3, the most it adds.
    /// </summary>
    public const double PerDecadeOfSize = 1, MaxSize = 3;

    public static double OfResponseSize(long bytes, double median) =>
        bytes <= 0 ? 0 : Math.Clamp((Math.Log10(bytes / Math.Max(median, 1024)) - 1) * PerDecadeOfSize, 0, MaxSize);

    public static double OfLevel(int rank) => Math.Max(0, rank - 1) * PerLevel;

    public static double OfPayload(double tokens) => Math.Min(MaxPayload, Math.Max(0, tokens - 1) * PerPayloadToken);
}
