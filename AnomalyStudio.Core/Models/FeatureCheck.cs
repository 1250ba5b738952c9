using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Models;

/// <summary>
/// Refuses to score a matrix with a model fitted on other features. Column counts alone are not enough: after a
/// feature is renamed or reordered an old model would silently score the wrong columns.
/// </summary>
public static class FeatureCheck
{
    /// <summary>Throws <see cref="InvalidInputException"/> saying what differs and what to run when the names differ.</summary>
    public static void Ensure(StoredModel model, FeatureMatrix features, string detector)
    {
        var expected = model.Model.FeatureNames;
        if (expected.SequenceEqual(features.Names))
        {
            return;
        }

        var differs = Enumerable.Range(0, Math.Max(expected.Count, features.Names.Count))
            .First(i => i >= expected.Count || i >= features.Names.Count || expected[i] != features.Names[i]);
        throw new InvalidInputException(
            $"The {detector} model ({model.Kind}, trained {model.TrainedAt:yyyy-MM-dd HH:mm}Z) was fitted on {expected.Count} features and this input has {features.Names.Count}; "
            + $"they first differ at feature {differs + 1} ('{At(expected, differs)}' in the model, '{At(features.Names, differs)}' here). "
            + $"Retrain it with 'train --model {detector}'.");
    }

    private static string At(IReadOnlyList<string> names, int index) => index < names.Count ? names[index] : "none";
}
