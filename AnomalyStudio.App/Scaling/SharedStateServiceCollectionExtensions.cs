using AnomalyStudio.App.Api.Sessions;
using AnomalyStudio.App.Configuration;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace AnomalyStudio.App.Scaling;

/// <summary>
/// Where state that outlives a request lives: in this process and the data directory (one server, the default), or in
/// the Redis named by <see cref="AnomalyStudioOptions.Redis"/>, shared by every server behind a proxy.
/// </summary>
public static class SharedStateServiceCollectionExtensions
{
    public static IServiceCollection AddSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(AnomalyStudioOptions.Section).Get<AnomalyStudioOptions>() ?? new AnomalyStudioOptions();
        var instance = new ServerInstance(string.IsNullOrWhiteSpace(settings.InstanceName) ? Environment.MachineName : settings.InstanceName.Trim());
        services.AddSingleton(instance);
        services.AddSingleton<SharedStoreStatus>();
        var protection = services.AddDataProtection().SetApplicationName("AnomalyStudio");
        if (string.IsNullOrWhiteSpace(settings.Redis))
        {
            // The key ring in the app's data directory, not the user profile's default: one documented place to back up or
            // share. Linux has no DPAPI, so the keys are plain files there (readable by the app's user only).
            protection.PersistKeysToFileSystem(new DirectoryInfo(settings.KeyRingPath));
            services.AddSingleton<ApiSessionStore>();
            services.AddSingleton<IApiSessionStore>(sp => sp.GetRequiredService<ApiSessionStore>());
            services.AddSingleton<ITabLedger>(LocalTabLedger.Instance);
            return services;
        }

        var keys = new RedisKeys(settings.RedisKeyPrefix);
        services.AddSingleton(keys);
        // One connection for the process, made on first use (the key ring may be the first to need it).
        var connection = new Lazy<ConnectionMultiplexer>(() => Connect(settings.Redis));
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            sp.GetRequiredService<SharedStoreStatus>().Watch(connection.Value);
            return Logged(connection.Value, sp.GetRequiredService<ILoggerFactory>().CreateLogger("AnomalyStudio.Redis"));
        });
        services.AddSingleton<RedisApiSessionStore>();
        services.AddSingleton<IApiSessionStore>(sp => sp.GetRequiredService<RedisApiSessionStore>());
        services.AddSingleton<ITabLedger, RedisTabLedger>();
        services.AddHostedService<InstanceHeartbeat>();
        // Every server must read the antiforgery tokens and prerendered circuit descriptors of the others.
        protection.PersistKeysToStackExchangeRedis(() => connection.Value.AvailableDatabase(), keys.DataProtectionKeys);
        return services;
    }

    /// <summary>
    /// Connects without failing the start when Redis is not up yet: the client keeps retrying, and requests that need
    /// Redis meanwhile fail with a message rather than the server refusing to start.
    /// </summary>
    /// <summary>How long a Redis call may take before it counts as an outage, unless the configuration string says otherwise.</summary>
    public const int OutageTimeoutMilliseconds = 1000;

    private static ConnectionMultiplexer Connect(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        // An outage must be answered within a second, not after StackExchange.Redis's 5 s defaults; a timeout given in
        // the configuration string wins.
        foreach (var (name, set) in new (string, Action<int>)[] { ("connectTimeout", v => options.ConnectTimeout = v), ("syncTimeout", v => options.SyncTimeout = v), ("asyncTimeout", v => options.AsyncTimeout = v) })
        {
            if (!configuration.Contains(name + "=", StringComparison.OrdinalIgnoreCase))
            {
                set(OutageTimeoutMilliseconds);
            }
        }

        options.ClientName ??= "AnomalyStudio";
        return ConnectionMultiplexer.Connect(options);
    }

    private static ConnectionMultiplexer Logged(ConnectionMultiplexer connection, ILogger logger)
    {
        connection.ConnectionFailed += (_, e) => logger.LogWarning("Lost the connection to Redis ({Endpoint}): {Failure}", e.EndPoint, e.FailureType);
        connection.ConnectionRestored += (_, e) => logger.LogInformation("Connected to Redis again ({Endpoint})", e.EndPoint);
        return connection;
    }
}
