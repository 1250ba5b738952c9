using MathNet.Numerics.Random;
using TorchSharp;
using static TorchSharp.torch;

namespace AnomalyStudio.Core.Detection.Autoencoder;

/// <summary>
/// The network: N → h → b → h → N (<see cref="HiddenSizesFor"/>), ReLU after the outer layers, tanh at the
/// bottleneck, linear output. The bounded code is what makes the error grow with a record's extremeness: a
/// record beyond the bulk saturates the code, so the decoder cannot follow it however the weights are set.
/// Weights are initialised from our own seeded generator (PyTorch's default for linear layers, uniform in
/// ±1/√fan_in) rather than torch's global one, so concurrent fits cannot disturb each other's seeds.
/// </summary>
public sealed class AutoencoderNetwork : nn.Module<Tensor, Tensor>
{
    /// <summary>
    /// The hidden widths for <paramref name="features"/> inputs: a bottleneck b = max(2, N / 4) between two layers
    /// of h = N (at least b + 1, at most 64 unless b is wider). A bottleneck as wide as the input (the old fixed
    /// 8 for 6 columns) is nearly the identity, so every record reconstructed well.
    /// </summary>
    public static int[] HiddenSizesFor(int features)
    {
        var bottleneck = Math.Max(2, (int)Math.Round(features / 4.0, MidpointRounding.AwayFromZero));
        var hidden = Math.Clamp(features, bottleneck + 1, Math.Max(64, bottleneck + 1));
        return [hidden, bottleneck, hidden];
    }

    private readonly nn.Module<Tensor, Tensor> _layers;

    public AutoencoderNetwork(int features) : base(nameof(AutoencoderNetwork))
    {
        Features = features;
        HiddenSizes = HiddenSizesFor(features);
        var modules = new List<nn.Module<Tensor, Tensor>>();
        var width = features;
        for (var i = 0; i < HiddenSizes.Count; i++)
        {
            var size = HiddenSizes[i];
            modules.Add(nn.Linear(width, size));
            modules.Add(i == HiddenSizes.Count / 2 ? nn.Tanh() : nn.ReLU());
            width = size;
        }

        modules.Add(nn.Linear(width, features));
        _layers = nn.Sequential(modules);
        RegisterComponents();
    }

    public int Features { get; }

    public IReadOnlyList<int> HiddenSizes { get; }

    public override Tensor forward(Tensor input) => _layers.forward(input);

    /// <summary>The weights and biases in a fixed order, as flat float arrays (for the model file).</summary>
    public float[][] ExportParameters() => parameters().Select(p => p.data<float>().ToArray()).ToArray();

    /// <summary>Loads parameters exported by <see cref="ExportParameters"/>; throws <see cref="InvalidDataException"/> on a shape mismatch.</summary>
    public void ImportParameters(float[][] values)
    {
        var parameters = this.parameters().ToList();
        if (values.Length != parameters.Count)
        {
            throw new InvalidDataException($"The autoencoder has {parameters.Count} parameter tensors; the file has {values.Length}.");
        }

        using var noGrad = no_grad();
        for (var i = 0; i < parameters.Count; i++)
        {
            if (values[i].Length != parameters[i].numel())
            {
                throw new InvalidDataException($"Parameter {i} of the autoencoder has {parameters[i].numel()} values; the file has {values[i].Length}.");
            }

            using var source = tensor(values[i], parameters[i].shape);
            parameters[i].copy_(source);
        }
    }

    /// <summary>Uniform(±1/√fan_in) for every weight and bias, from a Mersenne Twister seeded with <paramref name="seed"/>.</summary>
    public void Initialise(int seed)
    {
        var random = new MersenneTwister(seed, threadSafe: false);
        var values = new List<float[]>();
        long fanIn = 1;
        foreach (var parameter in parameters())
        {
            // A weight is [out, in]; the bias after it shares its fan-in.
            if (parameter.shape.Length == 2)
            {
                fanIn = parameter.shape[1];
            }

            var bound = 1.0 / Math.Sqrt(fanIn);
            var count = (int)parameter.numel();
            var weights = new float[count];
            for (var i = 0; i < count; i++)
            {
                weights[i] = (float)(((random.NextDouble() * 2) - 1) * bound);
            }

            values.Add(weights);
        }

        ImportParameters([.. values]);
    }
}
