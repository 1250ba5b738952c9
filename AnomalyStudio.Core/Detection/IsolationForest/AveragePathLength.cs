using MathNet.Numerics;

namespace AnomalyStudio.Core.Detection.IsolationForest;

/// <summary>
/// c(n), the average path length of an unsuccessful search in a binary search tree of n points
/// (Liu et al. 2008, eq. 1): c(n) = 2H(n−1) − 2(n−1)/n with H(i) ≈ ln(i) + γ; c(2) = 1; c(n ≤ 1) = 0.
/// It normalises depths and stands in for the unbuilt subtree below a leaf that holds n points.
/// scikit-learn's <c>_average_path_length</c> uses the same approximation.
/// </summary>
public static class AveragePathLength
{
    public static double Of(int n) => n switch
    {
        <= 1 => 0,
        2 => 1,
        _ => (2 * (Math.Log(n - 1) + Constants.EulerMascheroni)) - (2.0 * (n - 1) / n),
    };
}
