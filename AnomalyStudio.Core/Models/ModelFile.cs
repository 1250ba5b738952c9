using System.Text.Json;
using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Models;

/// <summary>
/// The on-disk format of a pretrained model: one JSON document with a format version, the detector, the
/// feature kind and names, provenance, the calibration and the detector's parameters. Plain data: loading
/// never runs anything from the file. Written atomically (temporary file, then rename).
/// </summary>
public static class ModelFile
{
    /// <summary>2: robust calibration and content features of the URI; files of version 1 are retrained on first use.</summary>
    public const int FormatVersion = 2;

    public static void Write(string path, StoredModel model, IAnomalyDetector detector)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temporary))
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
            {
                writer.WriteStartObject();
                writer.WriteNumber("formatVersion", FormatVersion);
                writer.WriteString("detector", model.Detector);
                writer.WriteString("featureKind", model.Kind.ToString());
                writer.WritePropertyName("featureNames");
                JsonSerializer.Serialize(writer, model.Model.FeatureNames);
                writer.WriteString("trainedAt", model.TrainedAt);
                writer.WriteNumber("trainingRows", model.TrainingRows);
                writer.WriteNumber("seed", model.Seed);
                writer.WriteString("trainingData", model.TrainingData);
                writer.WritePropertyName("calibration");
                JsonSerializer.Serialize(writer, model.Calibration);
                writer.WritePropertyName("parameters");
                detector.WriteModel(model.Model, writer);
                writer.WriteEndObject();
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads a model file; throws <see cref="InvalidDataException"/> saying what is wrong with it.</summary>
    public static StoredModel Read(string path, Func<string, IAnomalyDetector> detectorFor)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            var version = root.GetProperty("formatVersion").GetInt32();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"it has format version {version}; this version of AnomalyStudio reads version {FormatVersion}");
            }

            var detector = detectorFor(root.GetProperty("detector").GetString() ?? string.Empty);
            var names = root.GetProperty("featureNames").Deserialize<string[]>() ?? [];
            var calibration = root.GetProperty("calibration").Deserialize<ScoreCalibration>()
                ?? throw new InvalidDataException("it has no calibration");
            return new StoredModel(
                detector.ReadModel(root.GetProperty("parameters"), names),
                calibration,
                root.GetProperty("featureKind").GetString() is { Length: > 0 } kind ? new FeatureKind(kind) : throw new InvalidDataException("it names no feature kind"),
                root.GetProperty("trainedAt").GetDateTimeOffset(),
                root.GetProperty("trainingRows").GetInt32(),
                root.GetProperty("seed").GetInt32(),
                root.GetProperty("trainingData").GetString() ?? string.Empty);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException or ArgumentException or InvalidInputException)
        {
            throw new InvalidDataException($"it is not a valid model file ({ex.Message})", ex);
        }
    }

    /// <summary>Reads only the header fields, for the model list.</summary>
    public static PretrainedModelInfo ReadInfo(string path, FeatureKind kind)
    {
        if (!File.Exists(path))
        {
            return new PretrainedModelInfo(kind, path, false, null, [], null, null);
        }

        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            var version = root.GetProperty("formatVersion").GetInt32();
            if (version != FormatVersion)
            {
                return Unreadable(kind, path, $"it has format version {version}; this version of AnomalyStudio reads version {FormatVersion}");
            }

            return new PretrainedModelInfo(
                kind,
                path,
                true,
                root.GetProperty("trainedAt").GetDateTimeOffset(),
                root.GetProperty("featureNames").Deserialize<string[]>() ?? [],
                root.GetProperty("trainingRows").GetInt32(),
                root.GetProperty("trainingData").GetString());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            return Unreadable(kind, path, ex.Message);
        }
    }

    private static PretrainedModelInfo Unreadable(FeatureKind kind, string path, string why) =>
        new(kind, path, false, null, [], null, $"unreadable: {why}; it is retrained on first use, or run 'train' now");
}
