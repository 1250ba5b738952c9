using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.App.Configuration;

/// <summary>
/// All settings of the product, bound from the <c>AnomalyStudio</c> section of appsettings.json and
/// overridable by environment variables (<c>AnomalyStudio__IsolationForest__Thresholds__Critical=0.9</c>). Defaults are
/// those of the Core records the settings become (<see cref="PipelineOptions"/>, <see cref="ParseLimits"/>, each detector's options).
/// </summary>
public sealed class AnomalyStudioOptions
{
    public const string Section = "AnomalyStudio";

    /// <summary>
    /// The app's own data (pretrained models, the data-protection key ring): <c>$XDG_DATA_HOME/AnomalyStudio</c>, else
    /// <c>~/.local/share/AnomalyStudio</c> (on Windows, %LOCALAPPDATA%\AnomalyStudio), whatever the working directory.
    /// </summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    /// <summary>Where pretrained models are kept; a relative path is taken from <see cref="DataDirectory"/>, never from the working directory.</summary>
    public string ModelDirectory { get; set; } = "models";

    /// <summary><see cref="ModelDirectory"/> as an absolute path.</summary>
    public string ModelPath => Path.GetFullPath(Path.Combine(DataDirectory, ModelDirectory));

    /// <summary>Where the data-protection keys (antiforgery, circuit state) are kept.</summary>
    public string KeyRingPath => Path.GetFullPath(Path.Combine(DataDirectory, "keys"));

    private static string DefaultDataDirectory()
    {
        var root = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)
            ? xdg
            : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(string.IsNullOrEmpty(root) ? Path.GetTempPath() : root, "AnomalyStudio");
    }

    /// <summary>Seed of every random choice in model fitting.</summary>
    public int Seed { get; set; } = Defaults.Seed;

    /// <summary>Expected share of anomalies in training data; sets where the low threshold falls when Calibration:Method is Contamination.</summary>
    public double Contamination { get; set; } = Defaults.Contamination;

    /// <summary>How raw scores become 0…1 scores and severities (robust distance from the baseline by default).</summary>
    /// <remarks>
    /// A copy of the pipeline's default, never the shared instance: the binder sets a record's init properties in place, so
    /// a <c>Calibration:LowZ</c> given once would otherwise become every later default in the process.
    /// </remarks>
    public CalibrationOptions Calibration { get; set; } = Defaults.Calibration with { };

    /// <summary>In auto mode, a file with at least this many records is its own baseline; smaller files use the pretrained model.</summary>
    public int MinBaselineRecords { get; set; } = Defaults.MinBaselineRecords;

    /// <summary>Longest line a parser accepts, in bytes.</summary>
    public int MaxLineBytes { get; set; } = ParseLimits.Default.MaxLineBytes;

    /// <summary>Most records one analysis accepts.</summary>
    public long MaxRecords { get; set; } = ParseLimits.Default.MaxRecords;

    /// <summary>Most CSV columns accepted.</summary>
    public int MaxColumns { get; set; } = ParseLimits.Default.MaxColumns;

    /// <summary>Most bytes a gzip input may decompress to (larger: refused as a possible decompression bomb).</summary>
    public long MaxDecompressedBytes { get; set; } = ParseLimits.Default.MaxDecompressedBytes;

    /// <summary>
    /// Largest upload the web app and API accept, in bytes (larger: HTTP 413, or a message in the page). A gzip input,
    /// at every door, may also decompress to this much at any ratio; past it, only while it expands at most
    /// <see cref="MaxExpansionRatio"/> times.
    /// </summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Most times a gzip input may expand once past <see cref="MaxUploadBytes"/> decompressed (more: refused as a decompression bomb).</summary>
    public int MaxExpansionRatio { get; set; } = ParseLimits.Default.MaxExpansionRatio;

    /// <summary>An idle session's results are released after this many seconds.</summary>
    public int SessionIdleTimeoutSeconds { get; set; } = 3600;

    /// <summary>
    /// Detections the web app runs at once, over all its doors (API, cookie sessions, dashboard); 0 means one per
    /// processor. Each detection already uses every core for parsing and scoring, so more only adds memory.
    /// </summary>
    public int MaxConcurrentDetections { get; set; }

    /// <summary>Detections that may wait for a free slot; beyond that the server answers "busy" (HTTP 503 with Retry-After).</summary>
    public int MaxQueuedDetections { get; set; } = 32;

    /// <summary>The Retry-After a "busy" answer gives, in seconds.</summary>
    public int BusyRetryAfterSeconds { get; set; } = 10;

    /// <summary>
    /// Largest result a session (dashboard tab or cookie session) keeps in memory, as estimated by
    /// <see cref="Admission.ResultFootprint"/>; a larger one is refused with both sizes in the message.
    /// </summary>
    public long MaxSessionResultBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>
    /// Most bytes the results of all sessions together may take (0: half the memory available to the process); a
    /// result that would pass it is not kept and the caller is told the server is full.
    /// </summary>
    public long MaxTotalResultBytes { get; set; }

    /// <summary>Most cookie sessions held at once; when full (after releasing idle ones) <c>POST /detect</c> answers 503.</summary>
    public int MaxApiSessions { get; set; } = 1_000;

    /// <summary>
    /// The Redis that servers behind one proxy share (a StackExchange.Redis configuration string such as
    /// <c>127.0.0.1:6379</c>): the data-protection key ring, the cookie sessions and their uploads, and which server holds
    /// each dashboard tab's results. Empty (the default): everything stays in this process, as with one server.
    /// </summary>
    public string Redis { get; set; } = "";

    /// <summary>The prefix of every key AnomalyStudio keeps in <see cref="Redis"/>.</summary>
    public string RedisKeyPrefix { get; set; } = "anomalystudio:";

    /// <summary>This server's name among several (default: the machine's name); when set, every response names it in an <c>X-AnomalyStudio-Instance</c> header.</summary>
    public string InstanceName { get; set; } = "";

    /// <summary>
    /// The name of a cookie the app gives each browser (a random value) for a proxy that hashes it to pick the server,
    /// as open-source nginx's <c>hash $cookie_… consistent</c> does; empty (the default): no such cookie. HAProxy inserts
    /// its own cookie and needs none.
    /// </summary>
    public string AffinityCookie { get; set; } = "";

    /// <summary>
    /// Proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers the app believes, besides loopback
    /// (IP addresses; a proxy on the same machine needs none).
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary><see cref="MaxConcurrentDetections"/> with 0 resolved to the processor count.</summary>
    public int EffectiveMaxConcurrentDetections => MaxConcurrentDetections > 0 ? MaxConcurrentDetections : Environment.ProcessorCount;

    /// <summary>
    /// Each detector's options by its name, bound from the section its registration names (<c>AnomalyStudio:IsolationForest</c>)
    /// by <see cref="DetectorSettings"/>; a detector not here runs with the defaults its options record declares.
    /// </summary>
    public Dictionary<string, object> Detectors { get; } = [];

    /// <summary>Each detector's severity thresholds by its name, bound from its section's <c>Thresholds</c>.</summary>
    public Dictionary<string, SeverityThresholds> DetectorThresholds { get; } = [];

    public PipelineOptions ToPipelineOptions() => new PipelineOptions
    {
        Seed = Seed,
        Contamination = Contamination,
        Calibration = Calibration,
        MinBaselineRecords = MinBaselineRecords,
        Detectors = new Dictionary<string, object>(Detectors),
        Thresholds = new Dictionary<string, SeverityThresholds>(DetectorThresholds),
        Limits = new ParseLimits
        {
            MaxLineBytes = MaxLineBytes, MaxRecords = MaxRecords, MaxColumns = MaxColumns, MaxDecompressedBytes = MaxDecompressedBytes,
            ExpansionCheckedAfterBytes = MaxUploadBytes, MaxExpansionRatio = MaxExpansionRatio,
        },
    }.Validate();

    // The pipeline's own defaults: each is written once, on the Core record that uses it.
    private static readonly PipelineOptions Defaults = new();
}
