using Microsoft.Extensions.Options;

namespace AnomalyStudio.App.Configuration;

/// <summary>Refuses invalid settings at start-up with a message naming the setting and its value.</summary>
public sealed class AnomalyStudioOptionsValidator : IValidateOptions<AnomalyStudioOptions>
{
    /// <summary>A name a header value and a cookie name can carry as they are.</summary>
    private static readonly System.Text.RegularExpressions.Regex Token = new("^[A-Za-z0-9._-]{1,64}$");

    /// <summary>What is wrong with the settings for more than one server, or null.</summary>
    private static string? SharedStateProblem(AnomalyStudioOptions options)
    {
        if (options.KnownProxies.FirstOrDefault(p => !System.Net.IPAddress.TryParse(p, out _)) is { } proxy)
        {
            return $"AnomalyStudio:KnownProxies holds '{proxy}', which is not an IP address.";
        }

        if (options.InstanceName.Length > 0 && !Token.IsMatch(options.InstanceName))
        {
            return $"AnomalyStudio:InstanceName ('{options.InstanceName}') may hold only letters, digits, '.', '_' and '-' (at most 64).";
        }

        if (options.AffinityCookie.Length > 0 && !Token.IsMatch(options.AffinityCookie))
        {
            return $"AnomalyStudio:AffinityCookie ('{options.AffinityCookie}') may hold only letters, digits, '.', '_' and '-' (at most 64).";
        }

        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            return null;
        }

        if (string.IsNullOrEmpty(options.RedisKeyPrefix))
        {
            return "AnomalyStudio:RedisKeyPrefix must not be empty when AnomalyStudio:Redis is set.";
        }

        try
        {
            StackExchange.Redis.ConfigurationOptions.Parse(options.Redis);
            return null;
        }
        catch (ArgumentException ex)
        {
            return $"AnomalyStudio:Redis is not a Redis configuration string (host:port[,option=value…]): {ex.Message}";
        }
    }

    public ValidateOptionsResult Validate(string? name, AnomalyStudioOptions options)
    {
        try
        {
            options.ToPipelineOptions();
            if (string.IsNullOrWhiteSpace(options.DataDirectory))
            {
                return ValidateOptionsResult.Fail("AnomalyStudio:DataDirectory must not be empty.");
            }

            if (string.IsNullOrWhiteSpace(options.ModelDirectory))
            {
                return ValidateOptionsResult.Fail("AnomalyStudio:ModelDirectory must not be empty.");
            }

            if (options.MaxUploadBytes < 1 || options.SessionIdleTimeoutSeconds < 1)
            {
                return ValidateOptionsResult.Fail(
                    $"AnomalyStudio:MaxUploadBytes ({options.MaxUploadBytes}) and SessionIdleTimeoutSeconds ({options.SessionIdleTimeoutSeconds}) must be positive.");
            }

            if (options.MaxLineBytes is < 1024 or > 64 * 1024 * 1024 || options.MaxRecords < 1 || options.MaxColumns < 1)
            {
                return ValidateOptionsResult.Fail(
                    $"AnomalyStudio limits are out of range: MaxLineBytes {options.MaxLineBytes} (1 KB–64 MB), MaxRecords {options.MaxRecords}, MaxColumns {options.MaxColumns}.");
            }

            if (options.MaxDecompressedBytes < 1)
            {
                return ValidateOptionsResult.Fail($"AnomalyStudio:MaxDecompressedBytes ({options.MaxDecompressedBytes}) must be positive.");
            }

            if (options.MaxExpansionRatio < 1)
            {
                return ValidateOptionsResult.Fail($"AnomalyStudio:MaxExpansionRatio ({options.MaxExpansionRatio}) must be at least 1.");
            }

            if (options.MaxConcurrentDetections < 0 || options.MaxQueuedDetections < 0 || options.BusyRetryAfterSeconds < 1)
            {
                return ValidateOptionsResult.Fail(
                    $"AnomalyStudio:MaxConcurrentDetections ({options.MaxConcurrentDetections}, 0 = one per processor) and MaxQueuedDetections ({options.MaxQueuedDetections}) must not be negative, and BusyRetryAfterSeconds ({options.BusyRetryAfterSeconds}) must be positive.");
            }

            if (SharedStateProblem(options) is { } shared)
            {
                return ValidateOptionsResult.Fail(shared);
            }

            if (options.MaxTotalResultBytes < 0)
            {
                return ValidateOptionsResult.Fail($"AnomalyStudio:MaxTotalResultBytes ({options.MaxTotalResultBytes}) must not be negative (0: half the available memory).");
            }

            if (options.MaxSessionResultBytes < 1 || options.MaxApiSessions < 1)
            {
                return ValidateOptionsResult.Fail(
                    $"AnomalyStudio:MaxSessionResultBytes ({options.MaxSessionResultBytes}) and MaxApiSessions ({options.MaxApiSessions}) must be positive.");
            }

            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"AnomalyStudio settings are invalid: {ex.Message}");
        }
    }
}
