using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Tests.Support;

/// <summary>
/// The real access log in ../shared/data/logs (elastic/examples, 10,000 lines of combined format, May 2015),
/// parsed and featurised once for every test that reads it.
/// </summary>
public static class ElasticLog
{
    private static readonly Lazy<AccessLogParseResult> Parsed = new(Parse);

    private static readonly Lazy<AccessLogFeatures> Featurised = new(() => AccessLogFeatureExtractor.Extract(Parsed.Value.Records));

    public static string Path => TestData.Shared("logs", "apache_access_elastic.log");

    public static AccessLogParseResult Result => Parsed.Value;

    public static AccessLogTable Records => Parsed.Value.Records;

    public static AccessLogFeatures Features => Featurised.Value;

    private static AccessLogParseResult Parse()
    {
        using var stream = File.OpenRead(Path);
        return new AccessLogParser().Parse(stream);
    }
}
