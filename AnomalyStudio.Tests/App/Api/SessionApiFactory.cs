using AnomalyStudio.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AnomalyStudio.Tests.App.Api;

/// <summary>The app with a clock the session tests move, a one-minute idle timeout and a 2 MB upload limit (the samples fit).</summary>
public sealed class SessionApiFactory : ApiFactory
{
    public const int IdleTimeoutSeconds = 60;
    public const int MaxUploadBytes = 2 * 1024 * 1024;

    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("AnomalyStudio:SessionIdleTimeoutSeconds", IdleTimeoutSeconds.ToString()),
        new("AnomalyStudio:MaxUploadBytes", MaxUploadBytes.ToString()),
    ];

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
