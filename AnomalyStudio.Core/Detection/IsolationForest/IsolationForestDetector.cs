using System.Text.Json;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Scoring;
using MathNet.Numerics.Random;

namespace AnomalyStudio.Core.Detection.IsolationForest;

/// <summary>
/// Isolation Forest (Liu, Ting &amp; Zhou, ICDM 2008): anomalies are few and different, so random
/// axis-parallel splits isolate them in fewer steps. Fits <see cref="IsolationForestOptions.Trees"/> trees, each on
/// ψ rows drawn without replacement, grown to ceil(log2 ψ) levels. Random numbers come from Math.NET's
/// Mersenne Twister: one generator seeded with the options' seed hands each tree its own seed, so trees
/// can be grown in parallel and the forest is the same bit for bit on every run.
/// </summary>
public sealed class IsolationForestDetector(IsolationForestOptions options) : IAnomalyDetector
{
    private readonly IsolationForestOptions _options = options.Validate();

    public IsolationForestDetector() : this(new IsolationForestOptions()) { }

    /// <summary>How the catalog offers it; the reference design's spellings (isolation_forest, if, iforest) are accepted.</summary>
    public static DetectorRegistration Registration { get; } = new DetectorRegistration<IsolationForestOptions>(
        DetectorNames.IsolationForest,
        "Isolation Forest",
        ["isolationforest", "if", "iforest"],
        "IsolationForest",
        SeverityThresholds.IsolationForestDefaults,
        (options, seed) => new IsolationForestDetector(options with { Seed = seed }),
        options => options.Validate());

    public string Name => DetectorNames.IsolationForest;

    public string DisplayName => Registration.DisplayName;

    public DetectorAvailability Availability => DetectorAvailability.Available;

    public IsolationForestOptions Options => _options;

    public IAnomalyModel Fit(FeatureMatrix features, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (features.Rows < 2)
        {
            throw new InvalidInputException($"An isolation forest needs at least 2 rows to fit; the data has {features.Rows}.");
        }

        var sampleSize = Math.Min(_options.SampleSize, features.Rows);
        var depth = (int)Math.Ceiling(Math.Log2(Math.Max(sampleSize, 2)));
        var internalNodes = (1 << depth) - 1;
        var trees = _options.Trees;
        var splitFeatures = new int[trees * internalNodes];
        var thresholds = new double[trees * internalNodes];
        var leaves = new double[trees * (internalNodes + 1)];

        var master = new MersenneTwister(_options.Seed, threadSafe: false);
        var treeSeeds = Enumerable.Range(0, trees).Select(_ => master.Next()).ToArray();
        var done = 0;
        Parallel.For(0, trees, new ParallelOptions { CancellationToken = cancellationToken }, t =>
        {
            var random = new MersenneTwister(treeSeeds[t], threadSafe: false);
            var rows = RowSampler.DrawWithoutReplacement(features.Rows, sampleSize, random);
            IsolationTreeBuilder.Grow(
                features,
                rows,
                depth,
                random,
                new ArraySegment<int>(splitFeatures, t * internalNodes, internalNodes),
                new ArraySegment<double>(thresholds, t * internalNodes, internalNodes),
                new ArraySegment<double>(leaves, t * (internalNodes + 1), internalNodes + 1));
            progress?.Report(new TrainingProgress(Interlocked.Increment(ref done), trees));
        });

        return new IsolationForestModel(features.Names, trees, depth, sampleSize, splitFeatures, thresholds, leaves);
    }

    public void WriteModel(IAnomalyModel model, Utf8JsonWriter writer)
    {
        var forest = model as IsolationForestModel
            ?? throw new ArgumentException($"Expected an isolation forest, got {model.Detector}.", nameof(model));
        writer.WriteStartObject();
        writer.WriteNumber("trees", forest.Trees);
        writer.WriteNumber("depth", forest.Depth);
        writer.WriteNumber("sampleSize", forest.SampleSize);
        writer.WritePropertyName("splitFeatures");
        JsonSerializer.Serialize(writer, forest.SplitFeatures);
        writer.WritePropertyName("thresholds");
        WriteDoubles(writer, forest.Thresholds);
        writer.WritePropertyName("leafPathLengths");
        WriteDoubles(writer, forest.LeafPathLengths);
        writer.WriteEndObject();
    }

    public IAnomalyModel ReadModel(JsonElement parameters, IReadOnlyList<string> featureNames)
    {
        try
        {
            return new IsolationForestModel(
                featureNames,
                parameters.GetProperty("trees").GetInt32(),
                parameters.GetProperty("depth").GetInt32(),
                parameters.GetProperty("sampleSize").GetInt32(),
                parameters.GetProperty("splitFeatures").Deserialize<int[]>() ?? [],
                ReadDoubles(parameters.GetProperty("thresholds")),
                ReadDoubles(parameters.GetProperty("leafPathLengths")));
        }
        catch (Exception ex) when (ex is KeyNotFoundException or JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"The isolation forest's parameters are incomplete or malformed: {ex.Message}", ex);
        }
    }

    // JSON has no infinity: pass-through thresholds are written as null.
    private static void WriteDoubles(Utf8JsonWriter writer, double[] values)
    {
        writer.WriteStartArray();
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                writer.WriteNumberValue(v);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
    }

    private static double[] ReadDoubles(JsonElement array)
    {
        var values = new double[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            values[i++] = item.ValueKind == JsonValueKind.Null ? double.PositiveInfinity : item.GetDouble();
        }

        return values;
    }
}
