using AnomalyStudio.Core.Features;

namespace AnomalyStudio.Core.Detection.IsolationForest;

/// <summary>
/// A fitted isolation forest stored as complete binary trees of fixed depth D in flat arrays: node i has
/// children 2i+1 and 2i+2, so scoring walks exactly D levels with no branch to mispredict. A leaf reached
/// before depth D is padded with pass-through nodes (threshold +∞, always left) down to a level-D slot
/// that holds its path length, depth + c(leaf size).
/// Raw score: s(x) = 2^(−E[h(x)] / c(ψ)), in (0, 1], higher = more anomalous — scikit-learn's
/// <c>-score_samples</c>.
/// </summary>
public sealed class IsolationForestModel : IAnomalyModel
{
    private const int BlockRows = 1024;

    /// <summary>Below this many rows, finding the distinct ones costs about what it saves.</summary>
    private const int DeduplicateFrom = 16 * BlockRows;

    internal IsolationForestModel(
        IReadOnlyList<string> featureNames,
        int trees,
        int depth,
        int sampleSize,
        int[] splitFeatures,
        double[] thresholds,
        double[] leafPathLengths)
    {
        var internalNodes = (1 << depth) - 1;
        if (depth is < 1 or > 24 || trees < 1 || splitFeatures.Length != trees * internalNodes
            || thresholds.Length != trees * internalNodes || leafPathLengths.Length != trees * (internalNodes + 1)
            || splitFeatures.Any(f => f < 0 || f >= featureNames.Count))
        {
            throw new InvalidDataException("The isolation forest's arrays do not match its trees, depth and features.");
        }

        FeatureNames = featureNames;
        Trees = trees;
        Depth = depth;
        SampleSize = sampleSize;
        SplitFeatures = splitFeatures;
        Thresholds = thresholds;
        LeafPathLengths = leafPathLengths;
    }

    public string Detector => DetectorNames.IsolationForest;

    public IReadOnlyList<string> FeatureNames { get; }

    public int Trees { get; }

    /// <summary>Height limit of every tree, ceil(log2 ψ).</summary>
    public int Depth { get; }

    /// <summary>ψ, the subsample size the trees were grown on.</summary>
    public int SampleSize { get; }

    internal int[] SplitFeatures { get; }

    internal double[] Thresholds { get; }

    internal double[] LeafPathLengths { get; }

    public double[] Score(FeatureMatrix features, CancellationToken cancellationToken = default)
    {
        if (features.Columns != FeatureNames.Count)
        {
            throw new ArgumentException(
                $"The model was fitted on {FeatureNames.Count} features and cannot score {features.Columns}.", nameof(features));
        }

        // A big file's rows repeat: score each distinct row once (bit-identical, since equal rows walk equal paths).
        if (features.Rows >= DeduplicateFrom)
        {
            var distinct = DistinctRows.Of(features);
            if (distinct.Matrix.Rows < features.Rows * 3 / 4)
            {
                return distinct.Expand(ScoreRows(distinct.Matrix, cancellationToken));
            }
        }

        return ScoreRows(features, cancellationToken);
    }

    private double[] ScoreRows(FeatureMatrix features, CancellationToken cancellationToken)
    {
        var scores = new double[features.Rows];
        var blocks = (features.Rows + BlockRows - 1) / BlockRows;
        var normaliser = AveragePathLength.Of(SampleSize) * Trees;
        Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, block =>
        {
            var start = block * BlockRows;
            var count = Math.Min(BlockRows, features.Rows - start);
            Span<double> depths = stackalloc double[BlockRows];
            depths = depths[..count];
            depths.Clear();
            AccumulatePathLengths(features, start, depths);
            for (var r = 0; r < count; r++)
            {
                scores[start + r] = Math.Pow(2, -depths[r] / normaliser);
            }
        });

        return scores;
    }

    /// <summary>
    /// Sums each row's path length over all trees, tree by tree, so a tree's nodes stay in the L1 cache for a
    /// whole block of rows. Four rows walk a tree side by side: a walk is a chain of dependent loads, and four
    /// independent chains keep the core busy while each waits. The sum runs in tree order for every row, so
    /// results are bit-identical however rows are split between threads.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void AccumulatePathLengths(FeatureMatrix features, int start, Span<double> depths)
    {
        var internalNodes = (1 << Depth) - 1;
        var columns = features.Columns;
        var values = features.Values.AsSpan(start * columns, depths.Length * columns);
        var count = depths.Length;
        var grouped = count - (count % 4);
        for (var t = 0; t < Trees; t++)
        {
            var split = SplitFeatures.AsSpan(t * internalNodes, internalNodes);
            var threshold = Thresholds.AsSpan(t * internalNodes, internalNodes);
            var leaves = LeafPathLengths.AsSpan(t * (internalNodes + 1), internalNodes + 1);
            for (var r = 0; r < grouped; r += 4)
            {
                var a = values.Slice(r * columns, columns);
                var b = values.Slice((r + 1) * columns, columns);
                var c = values.Slice((r + 2) * columns, columns);
                var d = values.Slice((r + 3) * columns, columns);
                int na = 0, nb = 0, nc = 0, nd = 0;
                for (var level = 0; level < Depth; level++)
                {
                    na = (2 * na) + 1 + (a[split[na]] > threshold[na] ? 1 : 0);
                    nb = (2 * nb) + 1 + (b[split[nb]] > threshold[nb] ? 1 : 0);
                    nc = (2 * nc) + 1 + (c[split[nc]] > threshold[nc] ? 1 : 0);
                    nd = (2 * nd) + 1 + (d[split[nd]] > threshold[nd] ? 1 : 0);
                }

                depths[r] += leaves[na - internalNodes];
                depths[r + 1] += leaves[nb - internalNodes];
                depths[r + 2] += leaves[nc - internalNodes];
                depths[r + 3] += leaves[nd - internalNodes];
            }

            for (var r = grouped; r < count; r++)
            {
                var row = values.Slice(r * columns, columns);
                var node = 0;
                for (var level = 0; level < Depth; level++)
                {
                    node = (2 * node) + 1 + (row[split[node]] > threshold[node] ? 1 : 0);
                }

                depths[r] += leaves[node - internalNodes];
            }
        }
    }
}
