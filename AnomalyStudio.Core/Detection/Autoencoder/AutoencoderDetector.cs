using System.Text.Json;
using AnomalyStudio.Core.Features;
using MathNet.Numerics.Random;
using TorchSharp;
using static TorchSharp.torch;

namespace AnomalyStudio.Core.Detection.Autoencoder;

/// <summary>
/// A TorchSharp autoencoder: it learns to reproduce normal records through an 8-wide bottleneck, so records
/// unlike the training data reconstruct badly. Features are min–max scaled (scaler stored with the model); Adam
/// on mean squared error, 50 epochs of batches of 32 by default, on at most 10,000 rows drawn with the seed.
/// Initial weights and batch order come from the seed, so the same data and seed give bit-identical weights.
/// </summary>
public sealed class AutoencoderDetector : IAnomalyDetector
{
    // One fit at a time per process: libtorch's thread pool is shared, and fits are seconds long.
    private static readonly Lock TrainingGate = new();

    private readonly AutoencoderOptions _options;
    private readonly Func<DetectorAvailability> _availability;

    public AutoencoderDetector(AutoencoderOptions options, Func<DetectorAvailability>? availability = null)
    {
        _options = options.Validate();
        _availability = availability ?? (() => LibTorch.Availability);
    }

    public AutoencoderDetector() : this(new AutoencoderOptions()) { }

    public string Name => DetectorNames.Autoencoder;

    public string DisplayName => "Autoencoder";

    public DetectorAvailability Availability => _availability();

    public AutoencoderOptions Options => _options;

    public IAnomalyModel Fit(FeatureMatrix features, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        EnsureAvailable();
        if (features.Rows < 2)
        {
            throw new InvalidInputException($"An autoencoder needs at least 2 rows to fit; the data has {features.Rows}.");
        }

        var random = new MersenneTwister(_options.Seed, threadSafe: false);
        var rows = RowSampler.DrawWithoutReplacement(features.Rows, _options.MaxTrainingRows, random);
        var scaler = MinMaxScaler.Fit(features, rows);
        var columns = features.Columns;
        var training = features.Select(rows);
        var data = new float[rows.Length * columns];
        scaler.Transform(training, 0, rows.Length, data);

        var network = new AutoencoderNetwork(columns);
        network.Initialise(_options.Seed);
        var losses = new List<double>(_options.Epochs);
        lock (TrainingGate)
        {
            network.train();
            using var optimizer = new AdamOptimizer(network.parameters(), _options.LearningRate);
            using var loss = nn.MSELoss();
            var order = Enumerable.Range(0, rows.Length).ToArray();
            var batch = new float[_options.BatchSize * columns];
            for (var epoch = 0; epoch < _options.Epochs; epoch++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Shuffle(order, random);
                double total = 0;
                for (var start = 0; start < order.Length; start += _options.BatchSize)
                {
                    var size = Math.Min(_options.BatchSize, order.Length - start);
                    for (var i = 0; i < size; i++)
                    {
                        data.AsSpan(order[start + i] * columns, columns).CopyTo(batch.AsSpan(i * columns));
                    }

                    using var scope = NewDisposeScope();
                    var input = tensor(batch.AsSpan(0, size * columns).ToArray(), [size, columns]);
                    network.zero_grad();
                    var error = loss.forward(network.forward(input), input);
                    error.backward();
                    optimizer.Step();
                    total += error.item<float>() * size;
                }

                losses.Add(total / order.Length);
                progress?.Report(new TrainingProgress(epoch + 1, _options.Epochs, losses[^1]));
            }
        }

        return new AutoencoderModel(features.Names, scaler, network, losses);
    }

    public void WriteModel(IAnomalyModel model, Utf8JsonWriter writer)
    {
        var autoencoder = model as AutoencoderModel
            ?? throw new ArgumentException($"Expected an autoencoder, got {model.Detector}.", nameof(model));
        writer.WriteStartObject();
        writer.WritePropertyName("hiddenSizes");
        JsonSerializer.Serialize(writer, AutoencoderNetwork.HiddenSizes);
        writer.WritePropertyName("scalerMinimum");
        JsonSerializer.Serialize(writer, autoencoder.Scaler.Minimum);
        writer.WritePropertyName("scalerMaximum");
        JsonSerializer.Serialize(writer, autoencoder.Scaler.Maximum);
        writer.WritePropertyName("losses");
        JsonSerializer.Serialize(writer, autoencoder.Losses);
        writer.WritePropertyName("parameters");
        JsonSerializer.Serialize(writer, autoencoder.ExportParameters());
        writer.WriteEndObject();
    }

    public IAnomalyModel ReadModel(JsonElement parameters, IReadOnlyList<string> featureNames)
    {
        EnsureAvailable();
        try
        {
            var hidden = parameters.GetProperty("hiddenSizes").Deserialize<int[]>() ?? [];
            if (!hidden.SequenceEqual(AutoencoderNetwork.HiddenSizes))
            {
                throw new InvalidDataException($"it has layers {string.Join("-", hidden)}; this version builds {string.Join("-", AutoencoderNetwork.HiddenSizes)}");
            }

            var scaler = new MinMaxScaler(
                parameters.GetProperty("scalerMinimum").Deserialize<double[]>() ?? [],
                parameters.GetProperty("scalerMaximum").Deserialize<double[]>() ?? []);
            if (scaler.Minimum.Length != featureNames.Count || scaler.Maximum.Length != featureNames.Count)
            {
                throw new InvalidDataException($"its scaler has {scaler.Minimum.Length} minima and {scaler.Maximum.Length} maxima for {featureNames.Count} features");
            }

            var network = new AutoencoderNetwork(featureNames.Count);
            network.ImportParameters(parameters.GetProperty("parameters").Deserialize<float[][]>() ?? []);
            var losses = parameters.GetProperty("losses").Deserialize<double[]>() ?? [];
            return new AutoencoderModel(featureNames, scaler, network, losses);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"The autoencoder's parameters are incomplete or malformed: {ex.Message}", ex);
        }
    }

    private void EnsureAvailable()
    {
        var availability = Availability;
        if (!availability.IsAvailable)
        {
            throw new InvalidInputException($"The autoencoder is unavailable: {availability.Reason}");
        }
    }

    private static void Shuffle(int[] order, Random random)
    {
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
