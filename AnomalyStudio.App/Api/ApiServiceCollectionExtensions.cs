using AnomalyStudio.App.Api.Sessions;
using AnomalyStudio.App.Api.Uploads;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AnomalyStudio.App.Api;

/// <summary>The HTTP API's services: upload reading, cookie sessions and their sweeper, problem details and OpenAPI.</summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddAnomalyStudioApi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<UploadReader>();
        services.AddHostedService<ApiSessionSweeper>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblems.AddErrorMember);
        services.AddOpenApi(options => options.ShouldInclude = description =>
            ApiRoutes.IsApiPath(new PathString("/" + description.RelativePath)));
        return services;
    }
}
