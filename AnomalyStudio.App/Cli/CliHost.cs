using AnomalyStudio.App.Configuration;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.App.Cli;

/// <summary>
/// The services a CLI verb needs, built from the same configuration sources as the web app
/// (appsettings.json beside the binary, then environment variables) without starting a web host.
/// </summary>
public static class CliHost
{
    public static ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o =>
        {
            o.SingleLine = true;
        }).AddFilter((category, level) => level >= LogLevel.Information && category?.StartsWith("AnomalyStudio", StringComparison.Ordinal) == true));
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddAnomalyStudioCore(configuration);
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<AnomalyStudioOptions>>().Value; // validate now: bad settings are the user's error
        return provider;
    }
}
