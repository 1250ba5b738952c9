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
        if (NativeProbe() is { } failure)
        {
            return DetectorAvailability.Unavailable(failure);
        }

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

    /// <summary>
    /// Loads libtorch's native libraries ourselves before TorchSharp does. Where they cannot load, TorchSharp prints a
    /// trace of dozens of lines that blames a missing package, then copies ~600 MB of natives into a <c>cpu/</c> folder
    /// beside the app and fails again; our own load fails at once with the dynamic loader's reason, so TorchSharp is
    /// never asked. Null when they load (TorchSharp then finds them loaded) or when they are not where this build puts
    /// them, in which case TorchSharp's own search decides.
    /// </summary>
    private static string? NativeProbe()
    {
        var directory = NativeDirectory();
        if (directory is null)
        {
            return null;
        }

        foreach (var name in NativeLibraries)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                System.Runtime.InteropServices.NativeLibrary.Load(path);
            }
            catch (DllNotFoundException ex)
            {
                return Describe(ex);
            }
            catch (BadImageFormatException ex)
            {
                return Describe(ex);
            }
        }

        return null;
    }

    /// <summary>libtorch's CPU library, then TorchSharp's bridge to it (which needs GCC 13's libstdc++).</summary>
    private static readonly string[] NativeLibraries = OperatingSystem.IsLinux() ? ["libtorch_cpu.so", "libLibTorchSharp.so"] : [];

    private static string? NativeDirectory()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            return null;
        }

        var beside = Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? AppContext.BaseDirectory;
        return new[] { Path.Combine(beside, "runtimes", "linux-x64", "native"), beside }
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "libLibTorchSharp.so")));
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
        if (System.Text.RegularExpressions.Regex.Match(message, @"(GLIBCXX_[0-9.]+)' not found \(required by ([^)]+)\)") is { Success: true } glibcxx)
        {
            // The dynamic loader's words, made into one line that says what is missing and what fixes it.
            return $"libtorch cannot load: {Path.GetFileName(glibcxx.Groups[2].Value)} needs {glibcxx.Groups[1].Value} (GCC 13's libstdc++), "
                + "which this system's libstdc++ lacks; run scripts/setup.sh, which installs libstdc++6 from Debian trixie";
        }

        if (message.Length > 300)
        {
            message = string.Concat(message.AsSpan(0, 300), "…"); // TorchSharp's own loader trace runs to dozens of lines
        }

        var hint = message.Contains("GLIBCXX", StringComparison.Ordinal) || message.Contains("libstdc++", StringComparison.Ordinal)
            ? " The system's libstdc++ is older than GCC 13's; run scripts/setup.sh (it installs libstdc++6 from Debian trixie)."
            : string.Empty;
        return $"libtorch (TorchSharp's native library) could not be loaded: {message}.{hint}";
    }
}
