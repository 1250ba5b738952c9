using AnomalyStudio.Core.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace AnomalyStudio.Core.Detection.Autoencoder;

/// <summary>
/// A fitted autoencoder with its scaler. Raw score: the record's reconstruction mean squared error over its
/// robustly scaled features (<see cref="RobustScaler"/>), higher = more anomalous. Scoring runs in evaluation mode without gradients, in
/// batches of a fixed size (padded), each in its own dispose scope, so memory stays at one batch's working set
/// and a row's score does not depend on the rows batched with it.
/// </summary>
public sealed class AutoencoderModel : IAnomalyModel, IFeatureErrors
{
    public const int BatchRows = 8_192;

    private readonly AutoencoderNetwork _network;
    private readonly Lock _gate = new();

    internal AutoencoderModel(IReadOnlyList<string> featureNames, RobustScaler scaler, AutoencoderNetwork network, TrainingHistory history)
    {
        if (scaler.Center.Length != featureNames.Count || network.Features != featureNames.Count)
        {
            throw new InvalidDataException("The autoencoder's scaler or network does not match its features.");
        }

        FeatureNames = featureNames;
        Scaler = scaler;
        _network = network;
        _network.eval();
        History = history;
    }

    public string Detector => DetectorNames.Autoencoder;

    public IReadOnlyList<string> FeatureNames { get; }

    public RobustScaler Scaler { get; }

    public IReadOnlyList<int> HiddenSizes => _network.HiddenSizes;

    /// <summary>The losses per epoch and the epoch whose weights the model has.</summary>
    public TrainingHistory History { get; }

    /// <summary>Mean training loss per epoch.</summary>
    public IReadOnlyList<double> Losses => History.Losses;

    internal float[][] ExportParameters()
    {
        lock (_gate)
        {
            return _network.ExportParameters();
        }
    }

    public double[] Score(FeatureMatrix features, CancellationToken cancellationToken = default)
    {
        Check(features);
        var scores = new double[features.Rows];
        Reconstruct(features, (start, count, errors) =>
        {
            using var perRow = errors.mean([1]);
            var values = perRow.data<float>();
            for (var r = 0; r < count; r++)
            {
                scores[start + r] = values[r];
            }
        }, cancellationToken);
        return scores;
    }

    public double[] FeatureErrors(FeatureMatrix features, IReadOnlyList<int> rows)
    {
        Check(features);
        var selected = features.Select(rows);
        var result = new double[rows.Count * features.Columns];
        Reconstruct(selected, (start, count, errors) =>
        {
            var values = errors.data<float>();
            for (var i = 0; i < count * features.Columns; i++)
            {
                result[(start * features.Columns) + i] = values[i];
            }
        }, CancellationToken.None);
        return result;
    }

    /// <summary>Hands the squared reconstruction errors of each batch ([BatchRows, features]) to <paramref name="use"/>.</summary>
    private void Reconstruct(FeatureMatrix features, Action<int, int, Tensor> use, CancellationToken cancellationToken)
    {
        var columns = features.Columns;
        var buffer = new float[BatchRows * columns];
        lock (_gate)
        {
            using var noGrad = no_grad();
            for (var start = 0; start < features.Rows; start += BatchRows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(BatchRows, features.Rows - start);
                Array.Clear(buffer);
                Scaler.Transform(features, start, count, buffer);
                using var scope = NewDisposeScope();
                var input = NativeTensor.From(buffer, [BatchRows, columns]);
                var output = _network.forward(input);
                var errors = (output - input).square();
                use(start, count, errors);
            }
        }
    }

    private void Check(FeatureMatrix features)
    {
        if (features.Columns != FeatureNames.Count)
        {
            throw new ArgumentException(
                $"The model was fitted on {FeatureNames.Count} features and cannot score {features.Columns}.", nameof(features));
        }
    }
}
