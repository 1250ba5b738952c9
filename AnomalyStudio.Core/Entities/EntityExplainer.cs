using System.Globalization;
using AnomalyStudio.Core.Explanations;
using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Entities;

/// <summary>
/// Says in plain words what sets an entity apart from the file's typical one, strongest first, as Elastic's
/// population jobs name the measure an IP is unusual in: "34.172.147.82: 512 distinct URLs in 3 minutes, 96 % 404,
/// scanner agent (nikto)". Each measure is named only when it is far from the population's median and large in
/// itself, so a client with 3 requests and 2 distinct URLs never reads as "broad".
/// </summary>
public sealed class EntityExplainer(EntityPopulation population, EntityKind kind, string? targetName = null)
{
    /// <summary>How many times the typical entity's value a count must reach to be named.</summary>
    public const double Multiple = 10;

    private readonly bool _log = kind != EntityKind.Identifier;

    private string Noun(int count) => _log ? (count == 1 ? "request" : "requests") : (count == 1 ? "row" : "rows");

    private string Targets(int count) => _log ? (count == 1 ? "URL" : "URLs") : $"{targetName ?? "target"} {(count == 1 ? "value" : "values")}";

    public List<Reason> Reasons(EntityProfile p)
    {
        var reasons = new List<Reason>();
        if (p.Agent == UserAgentKind.Scanner)
        {
            reasons.Add(new Reason(p.Tool is { } tool ? $"scanner agent ({tool})" : "scanner agent", 92));
        }

        if (p.PayloadRecords >= 3 && p.Share(p.PayloadRecords) >= 0.2)
        {
            reasons.Add(new Reason($"{Count(p.PayloadRecords)} {Noun(p.PayloadRecords)} carry attack tokens", 88));
        }

        if (!_log && p.AuthFailures >= EntityAnalyzer.RefusedLogins)
        {
            reasons.Add(new Reason($"{Count(p.AuthFailures)} failed logins ({Percent(p.Share(p.AuthFailures))} of its rows)", 86));
        }

        var distinctRatio = p.DistinctTargets / Math.Max(1, population.DistinctTargets);
        if (p.DistinctTargets >= 20 && distinctRatio >= Multiple)
        {
            reasons.Add(new Reason($"{Count(p.DistinctTargets)} distinct {Targets(p.DistinctTargets)} in {Duration(p.Span)}", 80 + Math.Min(9, Math.Log10(distinctRatio))));
        }

        if (p.TopErrorCount >= 10 && p.Share(p.TopErrorCount) >= 0.5)
        {
            reasons.Add(new Reason($"{Percent(p.Share(p.TopErrorCount))} {p.TopErrorStatus.ToString(CultureInfo.InvariantCulture)}", 75 + (10 * p.Share(p.TopErrorCount))));
        }
        else if (!_log && p.ServerErrors >= 5 && p.Share(p.ServerErrors) >= 0.3)
        {
            reasons.Add(new Reason($"{Percent(p.Share(p.ServerErrors))} ERROR or worse", 75 + (10 * p.Share(p.ServerErrors))));
        }

        if (p.Posts >= 20 && p.Share(p.Posts) >= 0.8)
        {
            var focused = p.TopTarget is { } top && p.TopTargetCount >= 0.8 * p.Records;
            reasons.Add(new Reason(
                focused ? $"{Count(p.Posts)} POSTs to {AccessLogExplainer.Clip(p.TopTarget!, 48)}" : $"{Count(p.Posts)} POSTs",
                78));
        }

        var peakRatio = p.PeakPerMinute / Math.Max(1, population.PeakPerMinute);
        if (p.PeakPerMinute >= 30 && peakRatio >= Multiple)
        {
            reasons.Add(new Reason($"peak {Count(p.PeakPerMinute)} {Noun(p.PeakPerMinute)} a minute", 70 + Math.Min(9, Math.Log10(peakRatio))));
        }

        var volumeRatio = p.Records / Math.Max(1, population.Records);
        if (p.Records >= 100 && volumeRatio >= 2 * Multiple)
        {
            reasons.Add(new Reason(
                $"{Count(p.Records)} {Noun(p.Records)} (typical: {Count((int)Math.Round(population.Records))})",
                60 + Math.Min(9, Math.Log10(volumeRatio))));
        }

        if (p.Bytes >= 10L << 20 && p.Bytes >= 100 * Math.Max(1, population.Bytes))
        {
            reasons.Add(new Reason($"{AccessLogExplainer.FormatBytes(p.Bytes)} downloaded", 65));
        }

        if (!_log && p.AnomalousRecords >= 3 && p.Share(p.AnomalousRecords) >= 0.2)
        {
            reasons.Add(new Reason($"{Count(p.AnomalousRecords)} of its {Count(p.Records)} {Noun(p.Records)} are anomalies", 72));
        }

        switch (p.Agent)
        {
            case UserAgentKind.ScriptClient:
                reasons.Add(new Reason(p.Tool is { } tool ? $"scripted client ({tool})" : "scripted client", 50));
                break;
            case UserAgentKind.Empty:
                reasons.Add(new Reason("empty user agent", 55));
                break;
        }

        return reasons;
    }

    /// <summary>"key: reason, reason, reason" for an unusual entity.</summary>
    /// <param name="more">Reasons from outside the profile (a session's unusual events), ranked with its own.</param>
    public string Explain(EntityProfile profile, IEnumerable<Reason>? more = null)
    {
        var reasons = Reasons(profile);
        if (more is not null)
        {
            reasons.AddRange(more);
        }

        reasons.Sort((a, b) => b.Strength.CompareTo(a.Strength));
        var text = reasons.Count == 0 ? "unusual mix of rate, breadth and errors (no single measure stands out)" : string.Join(", ", reasons.Take(ExplanationText.MaxReasons).Select(r => r.Text));
        return $"{profile.Key}: {text}";
    }

    /// <summary>What the entity did, whether or not it is unusual: "12 requests in 3 minutes, 4 distinct URLs, 8 % 4xx".</summary>
    public string Summary(EntityProfile p)
    {
        var parts = new List<string> { p.Span > TimeSpan.Zero ? $"{Count(p.Records)} {Noun(p.Records)} in {Duration(p.Span)}" : $"{Count(p.Records)} {Noun(p.Records)}" };
        if (_log || p.DistinctTargets > 0)
        {
            parts.Add($"{Count(p.DistinctTargets)} distinct {Targets(p.DistinctTargets)}");
        }

        if (p.PeakPerMinute > 1)
        {
            parts.Add($"peak {Count(p.PeakPerMinute)} a minute");
        }

        if (p.ClientErrors > 0)
        {
            parts.Add($"{Percent(p.Share(p.ClientErrors))} {(_log ? "4xx" : "WARN")}");
        }

        if (p.ServerErrors > 0)
        {
            parts.Add($"{Percent(p.Share(p.ServerErrors))} {(_log ? "5xx" : "ERROR or worse")}");
        }

        if (_log && p.Agent is not UserAgentKind.NotLogged)
        {
            parts.Add(p.Agent switch
            {
                UserAgentKind.Scanner => "scanner agent",
                UserAgentKind.ScriptClient => "scripted client",
                UserAgentKind.Empty => "empty agent",
                _ => "browser or crawler",
            });
        }

        return string.Join(", ", parts);
    }

    internal static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Percent(double share) =>
        (share >= 0.995 || share < 0.1 ? Math.Round(share * 100, share < 0.1 ? 1 : 0) : Math.Round(share * 100)).ToString(CultureInfo.InvariantCulture) + " %";

    /// <summary>A span in the largest unit that keeps it readable: "45 seconds", "3 minutes", "2.5 hours", "3 days".</summary>
    public static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 1 => "under a second",
        < 90 => Plural(Math.Round(span.TotalSeconds), "second"),
        < 90 * 60 => Plural(Math.Round(span.TotalMinutes), "minute"),
        < 36 * 3600 => Plural(Math.Round(span.TotalHours, 1), "hour"),
        _ => Plural(Math.Round(span.TotalDays, 1), "day"),
    };

    private static string Plural(double value, string unit) =>
        value.ToString(CultureInfo.InvariantCulture) + " " + unit + (value == 1 ? "" : "s");
}
