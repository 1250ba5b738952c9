using TorchSharp;

namespace AnomalyStudio.Core.Detection.Autoencoder;

/// <summary>
/// Whether libtorch's native library loads on this machine. It needs GCC 13's libstdc++ (GLIBCXX_3.4.32), which
/// Debian 12 lacks; where it cannot load, the autoencoder is unavailable with the exact reason and everything
/// else keeps working. Checked once per process.
/// </summary>
public static class LibTorch
{
    private static readonly Lazy<DetectorAvailability> Probe = new(Load);

    public static DetectorAvailability Availability => Probe.Value;

    /// <summary>Threads libtorch uses for inference; training is single-threaded (its batches are tiny).</summary>
    public static int Threads { get; } = Math.Max(1, Environment.ProcessorCount);

    private static DetectorAvailability Load()
    {
        try
        {
            torch.set_num_threads(Threads);
            using var probe = torch.ones(2, 2);
            return probe.sum().item<float>() == 4 ? DetectorAvailability.Available : DetectorAvailability.Unavailable("libtorch gave a wrong result on a self-test.");
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or BadImageFormatException or EntryPointNotFoundException or NotSupportedException or InvalidOperationException)
        {
            return DetectorAvailability.Unavailable(Describe(ex));
        }
    }

    /// <summary>The innermost message, which names the missing library or symbol.</summary>
    internal static string Describe(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        var message = inner.Message.ReplaceLineEndings(" ").Trim();
        var hint = message.Contains("GLIBCXX", StringComparison.Ordinal) || message.Contains("libstdc++", StringComparison.Ordinal)
            ? " The system's libstdc++ is older than GCC 13's; run scripts/setup.sh (it installs libstdc++6 from Debian trixie)."
            : string.Empty;
        return $"libtorch (TorchSharp's native library) could not be loaded: {message}.{hint}";
    }
}
