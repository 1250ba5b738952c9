using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.App.State;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace AnomalyStudio.App.Configuration;

/// <summary>Service registration in one place: the Core pipeline and its model store are singletons shared by all doors.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddAnomalyStudioCore(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AnomalyStudioOptions.Section);
        services.AddOptions<AnomalyStudioOptions>()
            .Bind(section)
            .Configure(options => DetectorSettings.Bind(section, DetectorCatalog.Standard, options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnomalyStudioOptions>, AnomalyStudioOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AnomalyStudioOptions>>().Value.ToPipelineOptions());
        services.AddSingleton(sp => new DetectorCatalog(sp.GetRequiredService<PipelineOptions>()));
        services.AddSingleton(InputFormatCatalog.Standard);
        services.AddSingleton(sp => new PretrainedModelTrainer(sp.GetRequiredService<PipelineOptions>(), sp.GetRequiredService<DetectorCatalog>(), sp.GetRequiredService<InputFormatCatalog>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AnomalyStudioOptions>>().Value;
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger<ModelStore>();
            return new ModelStore(
                options.ModelPath,
                sp.GetRequiredService<DetectorCatalog>(),
                sp.GetRequiredService<PretrainedModelTrainer>(),
                message => logger?.LogInformation("{Message}", message));
        });
        services.AddSingleton<DetectionPipeline>();
        services.AddSingleton<DetectionGate>();
        services.AddSingleton<ResultMemoryBudget>();
        services.AddSingleton<DetectionAdmission>();
        return services;
    }

    /// <summary>The web app: Razor components on Blazor Server, MudBlazor, and the per-circuit analysis session.</summary>
    public static IServiceCollection AddAnomalyStudioApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents(options =>
        {
            options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
        }).AddHubOptions(hub =>
        {
            // Uploads stream through the circuit in chunks; one message must fit a chunk.
            hub.MaximumReceiveMessageSize = 512 * 1024;
        });
        services.AddMudServices();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AnalysisSession>();
        services.AddScoped<PopulationSession>();
        services.AddScoped<TabHandoff>();
        return services;
    }
}
