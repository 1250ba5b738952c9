using AnomalyStudio.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>
/// The real web app in memory, in the Production environment (so errors take the path users see), with the
/// run's shared pretrained models so no test retrains. Subclasses change settings or services.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    // Resolved when the fixture is built, not while the host starts: the first use trains the autoencoder, which on a
    // busy 2-core machine can outlast the five minutes WebApplicationFactory waits for the app to build its host.
    private readonly string _modelDirectory = SharedModels.Directory;

    /// <summary>Settings of the <c>AnomalyStudio</c> section and others, overriding appsettings.json.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(
            [new KeyValuePair<string, string?>("AnomalyStudio:ModelDirectory", _modelDirectory), .. Settings]));
        builder.ConfigureTestServices(ConfigureServices);
    }

    /// <summary>A copy of this app with other settings (its own host; dispose it).</summary>
    public WebApplicationFactory<Program> WithSettings(params (string Key, string Value)[] settings) =>
        WithWebHostBuilder(builder => builder.ConfigureAppConfiguration((_, configuration) =>
            configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))));
}
