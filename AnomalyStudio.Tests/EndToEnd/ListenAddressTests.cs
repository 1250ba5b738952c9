using AnomalyStudio.App;
using Microsoft.Extensions.Configuration;

namespace AnomalyStudio.Tests.EndToEnd;

/// <summary>The app listens where ASP.NET Core's standard settings say, and on http://localhost:5000 only without them.</summary>
public sealed class ListenAddressTests
{
    [Theory]
    [InlineData(AppServer.ListenBy.UrlsVariable)]
    [InlineData(AppServer.ListenBy.HttpPortsVariable)]
    public async Task Serves_where_aspnetcores_standard_variables_say(AppServer.ListenBy listenBy)
    {
        await using var server = await AppServer.StartAsync(listenBy: listenBy);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.Address, "/healthz"));

        Assert.True(response.IsSuccessStatusCode, server.Log);
        Assert.Contains(server.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), server.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:8080", true)]
    [InlineData("http_ports", "8080", true)]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:8080", true)]
    [InlineData("AnomalyStudio:Seed", "1", false)]
    public void The_default_address_applies_only_when_none_is_configured(string key, string value, bool configured)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        Assert.Equal(configured, WebApp.HasListenAddress(configuration));
    }

    [Fact]
    public void Appsettings_names_no_address_that_would_override_the_environment()
    {
        var settings = File.ReadAllText(Path.Combine(Support.TestData.RepositoryRoot, "AnomalyStudio.App", "appsettings.json"));

        Assert.DoesNotContain("\"Urls\"", settings, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("http://localhost:5000", WebApp.DefaultUrl);
    }
}
