using AnomalyStudio.App.Configuration;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.App.Cli;

/// <summary>
/// The services a CLI verb needs, built from the same configuration sources as the web app
/// (appsettings.json beside the binary, then environment variables) without starting a web host.
/// </summary>
public static class CliHost
{
    /// <summary>Settings given here (tests use them) override the file and the environment.</summary>
    public static IReadOnlyDictionary<string, string?>? Overrides { get; set; }

    /// <summary>Service replacements applied after the defaults (tests use it to play a machine without libtorch).</summary>
    public static Action<IServiceCollection>? ConfigureServices { get; set; }

    public static ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(Overrides ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o =>
        {
            o.SingleLine = true;
        }).AddFilter((category, level) => level >= LogLevel.Information && category?.StartsWith("AnomalyStudio", StringComparison.Ordinal) == true));
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddAnomalyStudioOptions(configuration).AddAnomalyStudioCore();
        ConfigureServices?.Invoke(services);
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<AnomalyStudioOptions>>().Value; // validate now: bad settings are the user's error
        return provider;
    }
}
