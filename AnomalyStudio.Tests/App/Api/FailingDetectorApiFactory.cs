using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>The app with an isolation forest that throws when fitted, to see what an unexpected failure looks like from outside.</summary>
public sealed class FailingDetectorApiFactory : ApiFactory
{
    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton(sp =>
    {
        var catalog = new DetectorCatalog(sp.GetRequiredService<PipelineOptions>());
        catalog.Register(FailingDetector.InPlaceOfTheForest());
        return catalog;
    });
}
