using AnomalyStudio.App.Components.Controls;
using AnomalyStudio.App.Scaling;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AnomalyStudio.Tests.App.Components;

/// <summary>The banner above every page says the shared store is down for as long as it is, and goes when it is back.</summary>
public sealed class SharedStoreBannerTests
{
    [Fact]
    public async Task The_banner_shows_while_the_shared_store_is_down_and_goes_when_it_is_back()
    {
        // Not ComponentContext: the status must be added before its first render.
        await using var context = new BunitContext();
        context.Services.AddMudServices();
        var status = new SharedStoreStatus();
        context.Services.AddSingleton(status);
        context.JSInterop.Mode = JSRuntimeMode.Loose;

        var banner = context.Render<SharedStoreBanner>();
        Assert.Empty(banner.FindAll("[data-testid=shared-store-down]"));

        status.Set(down: true);
        var alert = banner.WaitForElement("[data-testid=shared-store-down]");
        Assert.Contains("shared session store (Redis) cannot be reached", alert.TextContent, StringComparison.Ordinal);
        Assert.Equal("status", alert.GetAttribute("role"));

        status.Set(down: false);
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=shared-store-down]")));
    }
}
