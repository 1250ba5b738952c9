namespace AnomalyStudio.App.Admission;

/// <summary>
/// The server-wide admission, one instance for every dashboard tab and API session: the detections run at once
/// (<see cref="DetectionGate"/>), the memory all kept results take (<see cref="ResultMemoryBudget"/>) and the one path
/// through both (<see cref="DetectionAdmission"/>).
/// </summary>
public static class AdmissionServiceCollectionExtensions
{
    public static IServiceCollection AddAnomalyStudioAdmission(this IServiceCollection services)
    {
        services.AddSingleton<DetectionGate>();
        services.AddSingleton<ResultMemoryBudget>();
        services.AddSingleton<DetectionAdmission>();
        return services;
    }
}
