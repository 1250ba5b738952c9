using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Scoring;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.App.Configuration;

/// <summary>
/// Refuses invalid settings at start-up with one line naming the setting, its value and what is allowed
/// (<see cref="SettingProblem"/>). Values of the wrong type never get here: <see cref="SettingValueCheck"/> refuses them
/// before binding.
/// </summary>
public sealed class AnomalyStudioOptionsValidator : IValidateOptions<AnomalyStudioOptions>
{
    private const string P = SettingProblem.Prefix;

    /// <summary>A name a header value and a cookie name can carry as they are.</summary>
    private static readonly System.Text.RegularExpressions.Regex Token = new("^[A-Za-z0-9._-]{1,64}$");

    private static readonly AnomalyStudioOptions Defaults = new();

    public ValidateOptionsResult Validate(string? name, AnomalyStudioOptions options)
    {
        var problem = LimitProblem(options) ?? ScoringProblem(options) ?? SharedStateProblem(options) ?? PipelineProblem(options);
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }

    /// <summary>Whatever the Core records still refuse (their own checks stay the last word).</summary>
    private static string? PipelineProblem(AnomalyStudioOptions options)
    {
        try
        {
            options.ToPipelineOptions();
            return null;
        }
        catch (ArgumentException ex)
        {
            return SettingProblem.FromCore(P, ex);
        }
    }

    /// <summary>The first setting out of its range, from a list of (key, value, whether allowed, what is allowed).</summary>
    private static string? First(params (string Key, object Value, bool Ok, string Allowed)[] rules) =>
        rules.Where(r => !r.Ok).Select(r => SettingProblem.Describe(P + r.Key, r.Value, r.Allowed)).FirstOrDefault();

    private static string? LimitProblem(AnomalyStudioOptions o) => First(
        ("DataDirectory", o.DataDirectory, !string.IsNullOrWhiteSpace(o.DataDirectory), "it must name a directory"),
        ("ModelDirectory", o.ModelDirectory, !string.IsNullOrWhiteSpace(o.ModelDirectory), "it must name a directory (a relative one is taken from DataDirectory)"),
        ("MinBaselineRecords", o.MinBaselineRecords, o.MinBaselineRecords >= 2, "it must be a whole number, at least 2"),
        ("MaxUploadBytes", o.MaxUploadBytes, o.MaxUploadBytes >= 1, "it must be a whole number of bytes, at least 1"),
        ("SessionIdleTimeoutSeconds", o.SessionIdleTimeoutSeconds, o.SessionIdleTimeoutSeconds >= 1, "it must be a whole number of seconds, at least 1"),
        ("MaxLineBytes", o.MaxLineBytes, o.MaxLineBytes is >= 1024 and <= 64 * 1024 * 1024, "it must be a whole number of bytes from 1024 (1 KB) to 67108864 (64 MB)"),
        ("MaxRecords", o.MaxRecords, o.MaxRecords >= 1, "it must be a whole number, at least 1"),
        ("MaxColumns", o.MaxColumns, o.MaxColumns >= 1, "it must be a whole number, at least 1"),
        ("MaxDecompressedBytes", o.MaxDecompressedBytes, o.MaxDecompressedBytes >= 1, "it must be a whole number of bytes, at least 1"),
        ("MaxExpansionRatio", o.MaxExpansionRatio, o.MaxExpansionRatio >= 1, "it must be a whole number, at least 1"),
        ("MaxConcurrentDetections", o.MaxConcurrentDetections, o.MaxConcurrentDetections >= 0, "it must be a whole number, at least 0 (0: one per processor)"),
        ("MaxQueuedDetections", o.MaxQueuedDetections, o.MaxQueuedDetections >= 0, "it must be a whole number, at least 0"),
        ("BusyRetryAfterSeconds", o.BusyRetryAfterSeconds, o.BusyRetryAfterSeconds >= 1, "it must be a whole number of seconds, at least 1"),
        ("MaxTotalResultBytes", o.MaxTotalResultBytes, o.MaxTotalResultBytes >= 0, "it must be a whole number of bytes, at least 0 (0: half the available memory)"),
        ("MaxSessionResultBytes", o.MaxSessionResultBytes, o.MaxSessionResultBytes >= 1, "it must be a whole number of bytes, at least 1"),
        ("MaxApiSessions", o.MaxApiSessions, o.MaxApiSessions >= 1, "it must be a whole number, at least 1"));

    /// <summary>The settings that decide scores and severities: the calibration, the contamination, each detector's options and score bands.</summary>
    private static string? ScoringProblem(AnomalyStudioOptions o)
    {
        var c = o.Calibration;
        var d = Defaults.Calibration;
        var problem = First(
                ("Contamination", o.Contamination, o.Contamination is > 0 and < 0.5, "it must be a number above 0 and below 0.5"),
                ("Calibration:TailZ", c.TailZ, c.TailZ > 0 && double.IsFinite(c.TailZ), "it must be a positive number"),
                ("Calibration:MinimumSpread", c.MinimumSpread, c.MinimumSpread > 0 && double.IsFinite(c.MinimumSpread), "it must be a positive number"))
            ?? SettingProblem.OrderProblem(
                P + "Calibration:",
                [("LowZ", c.LowZ, d.LowZ), ("MediumZ", c.MediumZ, d.MediumZ), ("HighZ", c.HighZ, d.HighZ), ("CriticalZ", c.CriticalZ, d.CriticalZ)],
                0,
                double.MaxValue);
        return problem ?? DetectorCatalog.Standard.Select(r => DetectorProblem(o, r)).FirstOrDefault(p => p is not null);
    }

    private static string? DetectorProblem(AnomalyStudioOptions o, DetectorRegistration registration)
    {
        var prefix = P + registration.OptionsSection + ":";
        if (o.Detectors.TryGetValue(registration.Name, out var settings))
        {
            try
            {
                registration.Validate(settings);
            }
            catch (ArgumentException ex)
            {
                return SettingProblem.FromCore(prefix, ex);
            }
        }

        if (!o.DetectorThresholds.TryGetValue(registration.Name, out var t))
        {
            return null;
        }

        var d = registration.DefaultThresholds;
        return SettingProblem.OrderProblem(
            prefix + "Thresholds:",
            [("Low", t.Low, d.Low), ("Medium", t.Medium, d.Medium), ("High", t.High, d.High), ("Critical", t.Critical, d.Critical)],
            0,
            1);
    }

    /// <summary>What is wrong with the settings for more than one server, or null.</summary>
    private static string? SharedStateProblem(AnomalyStudioOptions o)
    {
        const string name = "it may hold only letters, digits, '.', '_' and '-' (at most 64)";
        var problem = First(
            ("KnownProxies", o.KnownProxies.FirstOrDefault(p => !System.Net.IPAddress.TryParse(p, out _)) ?? "",
                o.KnownProxies.All(p => System.Net.IPAddress.TryParse(p, out _)), "each must be an IP address"),
            ("InstanceName", o.InstanceName, o.InstanceName.Length == 0 || Token.IsMatch(o.InstanceName), name),
            ("AffinityCookie", o.AffinityCookie, o.AffinityCookie.Length == 0 || Token.IsMatch(o.AffinityCookie), name));
        if (problem is not null || string.IsNullOrWhiteSpace(o.Redis))
        {
            return problem;
        }

        if (string.IsNullOrEmpty(o.RedisKeyPrefix))
        {
            return SettingProblem.Describe(P + "RedisKeyPrefix", "", "it must not be empty when AnomalyStudio:Redis is set");
        }

        try
        {
            StackExchange.Redis.ConfigurationOptions.Parse(o.Redis);
            return null;
        }
        catch (ArgumentException ex)
        {
            return SettingProblem.Describe(P + "Redis", RedactedRedis(o.Redis), "it must be a Redis configuration string (host:port[,option=value…]): " + ex.Message.Split(" (Parameter '")[0].TrimEnd('.'));
        }
    }

    /// <summary>A Redis configuration string without its password, which an error line must not print.</summary>
    private static string RedactedRedis(string configuration) =>
        System.Text.RegularExpressions.Regex.Replace(configuration, "(?i)(password=)[^,]*", "$1…");
}
