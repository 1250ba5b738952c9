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
            _nodes[i] = new Node(OrderKey.OfThreshold(thresholds[i]), splitFeatures[i] * (long)sizeof(ulong));
        }
    }

    /// <summary>
    /// A node's threshold (as its <see cref="OrderKey"/>) and the byte offset of its feature in a row, side by side: one
    /// cache line holds both for a walk's step, and the step needs no multiplication.
    /// </summary>
    private readonly record struct Node(ulong Threshold, long FeatureOffset);

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
        if (features.Rows >= DeduplicateFrom && DistinctRows.Repeat(features))
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
            var keys = System.Buffers.ArrayPool<ulong>.Shared.Rent(count * features.Columns);
            try
            {
                OrderKey.Fill(features.Values.AsSpan(start * features.Columns, count * features.Columns), keys);
                Span<double> depths = stackalloc double[BlockRows];
                depths = depths[..count];
                depths.Clear();
                AccumulatePathLengths(keys, features.Columns, depths);
                for (var r = 0; r < count; r++)
                {
                    scores[start + r] = Math.Pow(2, -depths[r] / normaliser);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<ulong>.Shared.Return(keys);
            }
        });

        return scores;
    }

    /// <summary>
    /// Sums each row's path length over all trees, tree by tree, so a tree's nodes stay in the L1 cache for a
    /// whole block of rows. Eight rows walk a tree side by side: a walk is a chain of dependent loads, and eight
    /// independent chains keep the core busy while each waits (four left it idle: eight took ~35 % less CPU on a 1M-row series). The rows are order keys (<see cref="OrderKey"/>), so a
    /// step compares integers, and a node is found by its byte offset, so a step is a load, a load, a compare and one
    /// add: a shorter chain than a double compare and index arithmetic. The sum runs in tree order for every row, so
    /// results are bit-identical however rows are split between threads.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void AccumulatePathLengths(ulong[] keys, int columns, Span<double> depths)
    {
        // The walk indexes with references instead of spans: the indices are in range by construction (a node's
        // feature is checked against the columns when the model is built, and D levels from the root reach a leaf),
        // and bounds checks in this loop cost a third of the scoring time. Node offsets are in bytes: node i is at 16 i,
        // its children at 16 (2i + 1) and 16 (2i + 2).
        var internalNodes = (1 << Depth) - 1;
        var count = depths.Length;
        var grouped = count - (count % 8);
        var stride = (nint)columns * sizeof(ulong);
        ref var values = ref Unsafe.As<ulong, byte>(ref MemoryMarshal.GetArrayDataReference(keys));
        ref var depth = ref MemoryMarshal.GetReference(depths);
        for (var t = 0; t < Trees; t++)
        {
            ref var nodes = ref Unsafe.As<Node, byte>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_nodes), t * internalNodes));
            ref var leaves = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(LeafPathLengths), (t * (internalNodes + 1)) - internalNodes);
            for (var r = 0; r < grouped; r += 8)
            {
                ref var a = ref Unsafe.AddByteOffset(ref values, r * stride);
                ref var b = ref Unsafe.AddByteOffset(ref a, stride);
                ref var c = ref Unsafe.AddByteOffset(ref b, stride);
                ref var d = ref Unsafe.AddByteOffset(ref c, stride);
                ref var e = ref Unsafe.AddByteOffset(ref d, stride);
                ref var f = ref Unsafe.AddByteOffset(ref e, stride);
                ref var g = ref Unsafe.AddByteOffset(ref f, stride);
                ref var h = ref Unsafe.AddByteOffset(ref g, stride);
                nint na = 0, nb = 0, nc = 0, nd = 0, ne = 0, nf = 0, ng = 0, nh = 0;
                for (var level = 0; level < Depth; level++)
                {
                    na = Step(ref nodes, na, ref a);
                    nb = Step(ref nodes, nb, ref b);
                    nc = Step(ref nodes, nc, ref c);
                    nd = Step(ref nodes, nd, ref d);
                    ne = Step(ref nodes, ne, ref e);
                    nf = Step(ref nodes, nf, ref f);
                    ng = Step(ref nodes, ng, ref g);
                    nh = Step(ref nodes, nh, ref h);
                }

                Unsafe.Add(ref depth, r) += Unsafe.Add(ref leaves, na / Unsafe.SizeOf<Node>());
                Unsafe.Add(ref depth, r + 1) += Unsafe.Add(ref leaves, nb / Unsafe.SizeOf<Node>());
                Unsafe.Add(ref depth, r + 2) += Unsafe.Add(ref leaves, nc / Unsafe.SizeOf<Node>());
                Unsafe.Add(ref depth, r + 3) += Unsafe.Add(ref leaves, nd / Unsafe.SizeOf<Node>());
                Unsafe.Add(ref depth, r + 4) += Unsafe.Add(ref leaves, ne / Unsafe.SizeOf<Node>());
                Unsafe.Add(ref depth, r + 5) += Unsafe.Add(ref leaves, nf / Unsafe.SizeOf<Node>());
                Unsafe.Add(ref depth, r + 6) += Unsafe.Add(ref leaves, ng / Unsafe.SizeOf<Node>());
                Unsafe.Add(ref depth, r + 7) += Unsafe.Add(ref leaves, nh / Unsafe.SizeOf<Node>());
            }

            for (var r = grouped; r < count; r++)
            {
                ref var row = ref Unsafe.AddByteOffset(ref values, r * stride);
                nint node = 0;
                for (var level = 0; level < Depth; level++)
                {
                    node = Step(ref nodes, node, ref row);
                }

                Unsafe.Add(ref depth, r) += Unsafe.Add(ref leaves, node / Unsafe.SizeOf<Node>());
            }
        }
    }

    /// <summary>One level down: the byte offset of the child of the node at <paramref name="offset"/> that <paramref name="row"/> goes to (right when its value is above the threshold).</summary>
    /// <remarks>
    /// The threshold and the feature are read as values at the node's offset, not through a reference to the node: with
    /// eight walks in flight the JIT ran out of registers for eight node references and spilled each to the stack and
    /// back inside the chain. The child, 2 (offset + 8 + 8 right), is two LEAs after the compare.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Step(ref byte nodes, nint offset, ref byte row)
    {
        var threshold = Unsafe.As<byte, ulong>(ref Unsafe.AddByteOffset(ref nodes, offset));
        var feature = (nint)Unsafe.As<byte, long>(ref Unsafe.AddByteOffset(ref nodes, offset + sizeof(ulong)));
        nint right = Unsafe.BitCast<bool, byte>(Unsafe.As<byte, ulong>(ref Unsafe.AddByteOffset(ref row, feature)) > threshold);
        return (offset + (Unsafe.SizeOf<Node>() / 2) + (right * (Unsafe.SizeOf<Node>() / 2))) * 2;
    }
}
