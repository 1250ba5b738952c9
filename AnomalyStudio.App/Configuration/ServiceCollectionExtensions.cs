using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Formats;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.App.Components.Views;
using AnomalyStudio.App.State;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace AnomalyStudio.App.Configuration;

/// <summary>
/// Service registration, one method per lifetime and door: the settings, the Core pipeline and its model store
/// (singletons shared by all doors), and the dashboard with its per-circuit state. The server-wide admission has its
/// own (<see cref="Admission.AdmissionServiceCollectionExtensions.AddAnomalyStudioAdmission"/>), as do the API and the
/// shared state.
/// </summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The <see cref="AnomalyStudioOptions"/> bound from the "AnomalyStudio" section, validated at start-up.</summary>
    public static IServiceCollection AddAnomalyStudioOptions(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AnomalyStudioOptions.Section);
        services.AddOptions<AnomalyStudioOptions>()
            .Bind(section)
            .Configure(options => DetectorSettings.Bind(section, DetectorCatalog.Standard, options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnomalyStudioOptions>, AnomalyStudioOptionsValidator>();
        return services;
    }

    /// <summary>Core's types only, as singletons made from the options of <see cref="AddAnomalyStudioOptions"/>.</summary>
    public static IServiceCollection AddAnomalyStudioCore(this IServiceCollection services)
    {
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
        return services;
    }

    /// <summary>The dashboard: Razor components on Blazor Server, MudBlazor, its list of views, and the per-circuit sessions.</summary>
    public static IServiceCollection AddAnomalyStudioApp(this IServiceCollection services)
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
        services.AddSingleton(DashboardViewList.Standard);
        services.AddScoped<AnalysisSession>();
        services.AddScoped<PopulationSession>();
        services.AddScoped<CompareSession>();
        services.AddScoped<TabHandoff>();
        return services;
    }
}
