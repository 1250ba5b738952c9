using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
        _nodes = new Node[splitFeatures.Length];
        for (var i = 0; i < _nodes.Length; i++)
        {
            _nodes[i] = new Node(thresholds[i], splitFeatures[i]);
        }
    }

    /// <summary>A node's threshold and feature side by side: one cache line holds both for a walk's step.</summary>
    private readonly record struct Node(double Threshold, int Feature);

    private readonly Node[] _nodes;

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
        // The walk indexes with references instead of spans: the indices are in range by construction (a node's
        // feature is checked against the columns when the model is built, and D levels from the root reach a leaf),
        // and bounds checks in this loop cost a third of the scoring time.
        var internalNodes = (1 << Depth) - 1;
        var columns = features.Columns;
        var count = depths.Length;
        var grouped = count - (count % 4);
        ref var values = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(features.Values), start * columns);
        ref var depth = ref MemoryMarshal.GetReference(depths);
        for (var t = 0; t < Trees; t++)
        {
            ref var nodes = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_nodes), t * internalNodes);
            ref var leaves = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(LeafPathLengths), (t * (internalNodes + 1)) - internalNodes);
            for (var r = 0; r < grouped; r += 4)
            {
                ref var a = ref Unsafe.Add(ref values, r * columns);
                ref var b = ref Unsafe.Add(ref a, columns);
                ref var c = ref Unsafe.Add(ref b, columns);
                ref var d = ref Unsafe.Add(ref c, columns);
                nint na = 0, nb = 0, nc = 0, nd = 0;
                for (var level = 0; level < Depth; level++)
                {
                    ref readonly var xa = ref Unsafe.Add(ref nodes, na);
                    ref readonly var xb = ref Unsafe.Add(ref nodes, nb);
                    ref readonly var xc = ref Unsafe.Add(ref nodes, nc);
                    ref readonly var xd = ref Unsafe.Add(ref nodes, nd);
                    na = (2 * na) + 1 + (Unsafe.Add(ref a, xa.Feature) > xa.Threshold ? 1 : 0);
                    nb = (2 * nb) + 1 + (Unsafe.Add(ref b, xb.Feature) > xb.Threshold ? 1 : 0);
                    nc = (2 * nc) + 1 + (Unsafe.Add(ref c, xc.Feature) > xc.Threshold ? 1 : 0);
                    nd = (2 * nd) + 1 + (Unsafe.Add(ref d, xd.Feature) > xd.Threshold ? 1 : 0);
                }

                Unsafe.Add(ref depth, r) += Unsafe.Add(ref leaves, na);
                Unsafe.Add(ref depth, r + 1) += Unsafe.Add(ref leaves, nb);
                Unsafe.Add(ref depth, r + 2) += Unsafe.Add(ref leaves, nc);
                Unsafe.Add(ref depth, r + 3) += Unsafe.Add(ref leaves, nd);
            }

            for (var r = grouped; r < count; r++)
            {
                ref var row = ref Unsafe.Add(ref values, r * columns);
                nint node = 0;
                for (var level = 0; level < Depth; level++)
                {
                    ref readonly var x = ref Unsafe.Add(ref nodes, node);
                    node = (2 * node) + 1 + (Unsafe.Add(ref row, x.Feature) > x.Threshold ? 1 : 0);
                }

                Unsafe.Add(ref depth, r) += Unsafe.Add(ref leaves, node);
            }
        }
    }
}
