using static TorchSharp.torch;

namespace AnomalyStudio.Core.Detection.Autoencoder;

/// <summary>
/// Tensors filled from managed arrays, copied into memory libtorch allocates itself. <c>torch.tensor(float[])</c>
/// pins the array and computes on it in place, so a layer's input starts wherever the GC put the array; the CPU
/// matrix kernels pick their blocking by the address's alignment, and the same fit then rounded differently from
/// run to run. libtorch's own allocations are always 64-byte aligned, so a copy makes every run take the same path.
/// </summary>
internal static class NativeTensor
{
    public static Tensor From(float[] values, long[] shape)
    {
        using var pinned = tensor(values, shape);
        return pinned.clone();
    }
}
