using System.Text.Json;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Scoring;
using MathNet.Numerics.Random;
using TorchSharp;
using static TorchSharp.torch;

namespace AnomalyStudio.Core.Detection.Autoencoder;

/// <summary>
/// A TorchSharp autoencoder: it learns to reproduce the bulk of the records through a bottleneck narrower than
/// the input, so records unlike them reconstruct badly. Features are scaled robustly (<see cref="RobustScaler"/>,
/// stored with the model); AdamW on a trimmed mean squared error (<see cref="TrimmedLoss"/>), on at most 10,000 rows drawn with the seed, of which a
/// seeded share is held out: the weights of the epoch with the lowest held-out loss are kept, and training stops
/// when it has not improved for <see cref="AutoencoderOptions.Patience"/> epochs. Initial weights, split, batch
/// order come from the seed, so the same data and seed give bit-identical weights.
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

    /// <summary>How the catalog offers it (also as auto-encoder and ae).</summary>
    public static DetectorRegistration Registration { get; } = RegistrationWith(null);

    /// <summary>The registration with another libtorch probe (tests use it to play a machine without libtorch).</summary>
    public static DetectorRegistration RegistrationWith(Func<DetectorAvailability>? availability) => new DetectorRegistration<AutoencoderOptions>(
        DetectorNames.Autoencoder,
        "Autoencoder",
        ["auto-encoder", "ae"],
        "Autoencoder",
        SeverityThresholds.AutoencoderDefaults,
        (options, seed) => new AutoencoderDetector(options with { Seed = seed }, availability),
        options => options.Validate());

    public string Name => DetectorNames.Autoencoder;

    public string DisplayName => Registration.DisplayName;

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
        var scaler = RobustScaler.Fit(features, rows);
        var columns = features.Columns;

        // The held-out rows are a seeded shuffle's head; with too few rows to spare, the training loss decides.
        Shuffle(rows, random);
        var held = (int)Math.Round(rows.Length * _options.ValidationFraction);
        held = rows.Length - held >= 2 ? held : 0;
        var training = Scale(features, rows[held..], scaler);
        var validation = held > 0 ? Scale(features, rows[..held], scaler) : null;
        var trainingRows = rows.Length - held;

        var network = new AutoencoderNetwork(columns);
        network.Initialise(_options.Seed);
        var losses = new List<double>(_options.Epochs);
        var validationLosses = new List<double>(_options.Epochs);
        var best = (Epoch: 0, Loss: double.PositiveInfinity, Parameters: network.ExportParameters());
        lock (TrainingGate)
        {
            using var optimizer = new AdamOptimizer(network.parameters(), _options.LearningRate, _options.WeightDecay);
            var order = Enumerable.Range(0, trainingRows).ToArray();
            var batch = new float[_options.BatchSize * columns];
            for (var epoch = 1; epoch <= _options.Epochs; epoch++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                network.train();
                Shuffle(order, random);
                double total = 0;
                for (var start = 0; start < order.Length; start += _options.BatchSize)
                {
                    var size = Math.Min(_options.BatchSize, order.Length - start);
                    for (var i = 0; i < size; i++)
                    {
                        training.AsSpan(order[start + i] * columns, columns).CopyTo(batch.AsSpan(i * columns));
                    }

                    using var scope = NewDisposeScope();
                    var input = NativeTensor.From(batch.AsSpan(0, size * columns).ToArray(), [size, columns]);
                    network.zero_grad();
                    var error = TrimmedLoss(network.forward(input), input, size);
                    error.backward();
                    optimizer.Step();
                    total += error.item<float>() * size;
                }

                losses.Add(total / order.Length);
                var monitored = validation is null ? losses[^1] : MeanError(network, validation, columns);
                validationLosses.Add(monitored);
                if (monitored < best.Loss)
                {
                    best = (epoch, monitored, network.ExportParameters());
                }

                progress?.Report(new TrainingProgress(epoch, _options.Epochs, losses[^1]));
                if (epoch - best.Epoch >= _options.Patience && epoch < _options.Epochs)
                {
                    // Stopped early: the last report says the fit is complete.
                    progress?.Report(new TrainingProgress(epoch, epoch, losses[^1]));
                    break;
                }
            }
        }

        network.ImportParameters(best.Parameters);
        return new AutoencoderModel(features.Names, scaler, network, new TrainingHistory(losses, validationLosses, best.Epoch));
    }

    public void WriteModel(IAnomalyModel model, Utf8JsonWriter writer)
    {
        var autoencoder = model as AutoencoderModel
            ?? throw new ArgumentException($"Expected an autoencoder, got {model.Detector}.", nameof(model));
        writer.WriteStartObject();
        writer.WritePropertyName("hiddenSizes");
        JsonSerializer.Serialize(writer, autoencoder.HiddenSizes);
        writer.WriteString("scaling", RobustScaling);
        writer.WritePropertyName("scalerCenter");
        JsonSerializer.Serialize(writer, autoencoder.Scaler.Center);
        writer.WritePropertyName("scalerSpread");
        JsonSerializer.Serialize(writer, autoencoder.Scaler.Spread);
        writer.WritePropertyName("losses");
        JsonSerializer.Serialize(writer, autoencoder.History.Losses);
        writer.WritePropertyName("validationLosses");
        JsonSerializer.Serialize(writer, autoencoder.History.ValidationLosses);
        writer.WriteNumber("bestEpoch", autoencoder.History.BestEpoch);
        writer.WritePropertyName("parameters");
        JsonSerializer.Serialize(writer, autoencoder.ExportParameters());
        writer.WriteEndObject();
    }

    /// <summary>Names the input scaling in the model file, so a file from the min–max era is refused by name.</summary>
    private const string RobustScaling = "robust-median-iqr-log-tails";

    public IAnomalyModel ReadModel(JsonElement parameters, IReadOnlyList<string> featureNames)
    {
        EnsureAvailable();
        try
        {
            var scaling = parameters.TryGetProperty("scaling", out var named) ? named.GetString() : "min-max";
            if (scaling != RobustScaling)
            {
                throw new InvalidDataException($"its inputs are scaled {scaling}, by an older version of AnomalyStudio; this version scales {RobustScaling}");
            }

            var hidden = parameters.GetProperty("hiddenSizes").Deserialize<int[]>() ?? [];
            var expected = AutoencoderNetwork.HiddenSizesFor(featureNames.Count);
            if (!hidden.SequenceEqual(expected))
            {
                throw new InvalidDataException($"it has layers {string.Join("-", hidden)}; this version builds {string.Join("-", expected)} for {featureNames.Count} features");
            }

            var scaler = new RobustScaler(
                parameters.GetProperty("scalerCenter").Deserialize<double[]>() ?? [],
                parameters.GetProperty("scalerSpread").Deserialize<double[]>() ?? []);
            if (scaler.Center.Length != featureNames.Count || scaler.Spread.Length != featureNames.Count)
            {
                throw new InvalidDataException($"its scaler has {scaler.Center.Length} centres and {scaler.Spread.Length} spreads for {featureNames.Count} features");
            }

            if (!scaler.Center.All(double.IsFinite) || !scaler.Spread.All(s => s > 0 && double.IsFinite(s)))
            {
                throw new InvalidDataException("its scaler has a non-finite centre or a spread that is not positive");
            }

            var network = new AutoencoderNetwork(featureNames.Count);
            network.ImportParameters(parameters.GetProperty("parameters").Deserialize<float[][]>() ?? []);
            var history = new TrainingHistory(
                parameters.GetProperty("losses").Deserialize<double[]>() ?? [],
                parameters.GetProperty("validationLosses").Deserialize<double[]>() ?? [],
                parameters.GetProperty("bestEpoch").GetInt32());
            return new AutoencoderModel(featureNames, scaler, network, history);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"The autoencoder's parameters are incomplete or malformed: {ex.Message}", ex);
        }
    }

    /// <summary>Share of each batch, the rows it reconstructs worst, left out of the training loss.</summary>
    public const double TrimmedShare = 0.25;

    /// <summary>
    /// Mean squared error over the best-reconstructed 75 % of the batch (a trimmed loss, as in least trimmed
    /// squares). In fit mode the anomalies are among the training rows; with plain MSE the network spends its
    /// capacity on them, since their large errors dominate the gradient, and learns to reconstruct them.
    /// </summary>
    private static Tensor TrimmedLoss(Tensor output, Tensor expected, int size)
    {
        var perRow = (output - expected).square().mean([1]);
        var keep = Math.Max(1, (int)Math.Ceiling(size * (1 - TrimmedShare)));

        // The rows kept are chosen here, not by torch.topk, whose result on 2 threads varied between runs.
        var errors = perRow.detach().data<float>().ToArray();
        var ranked = Enumerable.Range(0, size).OrderBy(i => errors[i]).ThenBy(i => i).ToArray();
        var weights = new float[size];
        for (var i = 0; i < keep; i++)
        {
            weights[ranked[i]] = 1f / keep;
        }

        return (perRow * NativeTensor.From(weights, [size])).sum();
    }

    /// <summary>The rows' scaled values, row after row.</summary>
    private static float[] Scale(FeatureMatrix features, int[] rows, RobustScaler scaler)
    {
        var data = new float[rows.Length * features.Columns];
        scaler.Transform(features.Select(rows), 0, rows.Length, data);
        return data;
    }

    /// <summary>Mean squared reconstruction error of scaled rows, in evaluation mode without gradients.</summary>
    private static double MeanError(AutoencoderNetwork network, float[] data, int columns)
    {
        network.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var input = NativeTensor.From(data, [data.Length / columns, columns]);
        return (network.forward(input) - input).square().mean().item<float>();
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
