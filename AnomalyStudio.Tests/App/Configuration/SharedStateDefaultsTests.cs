using AnomalyStudio.App.Api.Sessions;
using AnomalyStudio.App.Scaling;
using AnomalyStudio.Tests.App.Api;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AnomalyStudio.Tests.App.Configuration;

/// <summary>Without AnomalyStudio:Redis the app is one process, as ./run.sh starts it: nothing is shared, nothing connects.</summary>
public sealed class SharedStateDefaultsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public void Without_Redis_sessions_and_tabs_stay_in_this_process_and_nothing_connects()
    {
        var services = factory.Services;

        Assert.IsType<ApiSessionStore>(services.GetRequiredService<IApiSessionStore>());
        Assert.Same(services.GetRequiredService<ApiSessionStore>(), services.GetRequiredService<IApiSessionStore>());
        Assert.IsType<LocalTabLedger>(services.GetRequiredService<ITabLedger>());
        Assert.Null(services.GetService<IConnectionMultiplexer>());
        Assert.Null(services.GetService<RedisKeys>());
    }

    [Fact]
    public async Task Without_an_instance_name_responses_do_not_name_the_server()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/healthz");

        Assert.False(response.Headers.Contains(ServerInstance.Header));
    }
}
