using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Detection.IsolationForest;

/// <summary>
/// Grows one isolation tree on a subsample, as scikit-learn's random splitter does: at each node it draws
/// features without replacement until one is not constant on the node's rows, splits at a threshold drawn
/// uniformly in [min, max), sends x ≤ threshold left, and stops at the height limit, a single row, or rows
/// that are identical on every feature.
/// </summary>
internal sealed class IsolationTreeBuilder
{
    private readonly FeatureMatrix _data;
    private readonly int _depth;
    private readonly int _internalNodes;
    private readonly Random _random;
    private readonly int[] _features;
    private ArraySegment<int> _splitFeatures;
    private ArraySegment<double> _thresholds;
    private ArraySegment<double> _leaves;

    private IsolationTreeBuilder(FeatureMatrix data, int depth, Random random, ArraySegment<int> splitFeatures, ArraySegment<double> thresholds, ArraySegment<double> leaves)
    {
        _data = data;
        _depth = depth;
        _internalNodes = (1 << depth) - 1;
        _random = random;
        _features = Enumerable.Range(0, data.Columns).ToArray();
        _splitFeatures = splitFeatures;
        _thresholds = thresholds;
        _leaves = leaves;
    }

    /// <summary>Grows the tree for <paramref name="rows"/> into the given slices of the forest's arrays.</summary>
    public static void Grow(
        FeatureMatrix data,
        int[] rows,
        int depth,
        Random random,
        ArraySegment<int> splitFeatures,
        ArraySegment<double> thresholds,
        ArraySegment<double> leafPathLengths)
    {
        var builder = new IsolationTreeBuilder(data, depth, random, splitFeatures, thresholds, leafPathLengths);
        builder.Grow(0, 0, rows.AsSpan());
    }

    private void Grow(int node, int level, Span<int> rows)
    {
        if (level == _depth || rows.Length <= 1 || !TryChooseSplit(rows, out var feature, out var threshold))
        {
            Leaf(node, level, rows.Length);
            return;
        }

        // Partition in place: rows with x ≤ threshold first.
        var left = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (_data[rows[i], feature] <= threshold)
            {
                (rows[left], rows[i]) = (rows[i], rows[left]);
                left++;
            }
        }

        _splitFeatures[node] = feature;
        _thresholds[node] = threshold;
        Grow((2 * node) + 1, level + 1, rows[..left]);
        Grow((2 * node) + 2, level + 1, rows[left..]);
    }

    private bool TryChooseSplit(Span<int> rows, out int feature, out double threshold)
    {
        for (var drawn = 0; drawn < _features.Length; drawn++)
        {
            var pick = _random.Next(drawn, _features.Length);
            (_features[drawn], _features[pick]) = (_features[pick], _features[drawn]);
            feature = _features[drawn];

            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (var row in rows)
            {
                var v = _data[row, feature];
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            if (max > min)
            {
                var u = _random.NextDouble();
                var range = max - min;
                // A range wider than a double holds (-1e308 to 1e308) is interpolated without forming it.
                threshold = double.IsFinite(range) ? min + (u * range) : (min * (1 - u)) + (max * u);
                if (threshold >= max)
                {
                    threshold = min; // rounding can reach max; keep both sides non-empty
                }

                return true;
            }
        }

        feature = 0;
        threshold = 0;
        return false;
    }

    private void Leaf(int node, int level, int size)
    {
        // Pad with pass-through nodes down to depth D along the left spine; the slot reached holds the path length.
        var slot = node;
        for (var l = level; l < _depth; l++)
        {
            _splitFeatures[slot] = 0;
            _thresholds[slot] = double.PositiveInfinity;
            slot = (2 * slot) + 1;
        }

        _leaves[slot - _internalNodes] = level + AveragePathLength.Of(size);
    }
}
