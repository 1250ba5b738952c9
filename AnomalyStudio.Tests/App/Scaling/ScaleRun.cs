namespace AnomalyStudio.Tests.App.Scaling;

/// <summary>
/// How much the scale tests do: a short form by default (what <c>.ci/run</c> runs), and with <c>ANOMALYSTUDIO_SCALE=full</c>
/// more requests per client and a larger upload to kill a server under.
/// </summary>
public static class ScaleRun
{
    public const string Variable = "ANOMALYSTUDIO_SCALE";

    public static bool IsFull => string.Equals(Environment.GetEnvironmentVariable(Variable), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary>Requests each client sends after its first, all of which must land on one server.</summary>
    public static int StickyRequests => IsFull ? 50 : 8;

    /// <summary>Lines of the upload a server is killed while scoring (the full form's is about 90 MB, under the 100 MiB upload cap).</summary>
    public static int KilledUploadLines => IsFull ? 400_000 : 200_000;
}
