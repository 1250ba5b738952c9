using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Detection;

/// <summary>A model that can say how much each feature contributed to a row's score (an autoencoder's per-feature reconstruction error).</summary>
public interface IFeatureErrors
{
    /// <summary>Per-feature errors of the given rows, row after row (rows.Count × features).</summary>
    double[] FeatureErrors(FeatureMatrix features, IReadOnlyList<int> rows);
}
