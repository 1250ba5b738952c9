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
            .Configure(_ => ThrowIfUnreadable(section))
            .Bind(section)
            .Configure(options => DetectorSettings.Bind(section, DetectorCatalog.Standard, options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnomalyStudioOptions>, AnomalyStudioOptionsValidator>();
        return services;
    }

    /// <summary>
    /// Refuses a value its setting cannot take (a word where a number belongs, an unknown name) before the binder meets
    /// it, as an <see cref="OptionsValidationException"/> with one line, like any other invalid setting.
    /// </summary>
    public static void ThrowIfUnreadable(IConfigurationSection section)
    {
        if (SettingValueCheck.FirstProblem(section, DetectorCatalog.Standard) is { } problem)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(AnomalyStudioOptions), [problem]);
        }
    }

    /// <summary>
    /// Binds and validates the settings of <paramref name="configuration"/> now, as start-up would, so the web app can
    /// refuse them before it builds anything that reads them; throws <see cref="OptionsValidationException"/>.
    /// </summary>
    public static void ThrowIfInvalid(IConfiguration configuration)
    {
        var section = configuration.GetSection(AnomalyStudioOptions.Section);
        ThrowIfUnreadable(section);
        var options = section.Get<AnomalyStudioOptions>() ?? new AnomalyStudioOptions();
        DetectorSettings.Bind(section, DetectorCatalog.Standard, options);
        var result = new AnomalyStudioOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(AnomalyStudioOptions), result.Failures);
        }
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
            // The page's script posts files over plain HTTP (DashboardUploads); Blazor's own file input, the fallback
            // without it, streams through the circuit in chunks, and one message must fit a chunk.
            hub.MaximumReceiveMessageSize = 512 * 1024;
        });
        services.AddMudServices();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(DashboardViewList.Standard);
        services.AddSingleton<DashboardUploads>();
        services.AddScoped<AnalysisSession>();
        services.AddScoped<PopulationSession>();
        services.AddScoped<TabHandoff>();
        return services;
    }
}
