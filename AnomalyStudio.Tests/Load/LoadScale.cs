namespace AnomalyStudio.Tests.Load;

/// <summary>
/// How hard the load tests push, from the environment: by default a shortened run that CI affords (a few clients
/// and small files for seconds), and with <c>ANOMALYSTUDIO_LOAD=full</c> the scale the figures in the README
/// come from (16 clients uploading 10 MB logs for 60 s; 10 dashboard circuits holding 200,000 results each); with
/// <c>ANOMALYSTUDIO_LOAD=upload95</c> one circuit uploads a 95 MB log (440,000 lines), the dashboard benchmark.
/// </summary>
/// <param name="Name">"short" or "full", printed with the figures.</param>
/// <param name="Clients">Concurrent API clients.</param>
/// <param name="UploadBytes">Approximate size of the log each API client uploads.</param>
/// <param name="Duration">How long the API clients keep sending.</param>
/// <param name="Circuits">Concurrent dashboard circuits (browser contexts).</param>
/// <param name="CircuitRecords">Lines of the log each circuit uploads, hence results it holds.</param>
/// <param name="Rounds">Rounds of filter, search, sort and scroll measured in each circuit.</param>
public sealed record LoadScale(string Name, int Clients, long UploadBytes, TimeSpan Duration, int Circuits, int CircuitRecords, int Rounds)
{
    public const string Variable = "ANOMALYSTUDIO_LOAD";

    public static LoadScale Shortened { get; } = new("short", 4, 2L * 1024 * 1024, TimeSpan.FromSeconds(10), 3, 20_000, 2);

    public static LoadScale Full { get; } = new("full", 16, 10L * 1024 * 1024, TimeSpan.FromSeconds(60), 10, 200_000, 3);

    public static LoadScale Upload95 { get; } = new("upload95", 1, 2L * 1024 * 1024, TimeSpan.FromSeconds(5), 1, 440_000, 5);

    public static LoadScale Current { get; } = Environment.GetEnvironmentVariable(Variable)?.ToLowerInvariant() switch
    {
        "full" => Full,
        "upload95" => Upload95,
        _ => Shortened,
    };
}
