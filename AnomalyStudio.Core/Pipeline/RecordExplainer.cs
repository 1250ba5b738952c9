using AnomalyStudio.Core.Detection;
using AnomalyStudio.Core.Explanations;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Formats;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>
/// Words why a flagged record is unusual: its format's reasons (<see cref="PreparedInput.Reasons"/>) and, for a model
/// that can attribute its score to features (the autoencoder's reconstruction error), the two features it reconstructs
/// worst. Kept with the result, so records a moved threshold flags later are explained the same way.
/// </summary>
internal sealed class RecordExplainer(PreparedInput prepared, IAnomalyModel model)
{
    /// <summary>Writes the explanation of each record in <paramref name="indices"/> into <paramref name="explanations"/>.</summary>
    public void Explain(IReadOnlyList<int> indices, string[] explanations, CancellationToken cancellationToken = default)
    {
        var modelReasons = ModelReasons(indices);
        Parallel.For(0, indices.Count, new ParallelOptions { CancellationToken = cancellationToken }, k =>
        {
            var i = indices[k];
            var reasons = prepared.Reasons(i);
            if (modelReasons?[k] is { } reason)
            {
                reasons.Add(reason);
            }

            explanations[i] = ExplanationText.Join(reasons);
        });
    }

    private Reason?[]? ModelReasons(IReadOnlyList<int> indices)
    {
        if (model is not IFeatureErrors attribution || indices.Count == 0)
        {
            return null;
        }

        var columns = prepared.Matrix.Columns;
        var errors = attribution.FeatureErrors(prepared.Matrix, indices);
        var reasons = new Reason?[indices.Count];
        for (var a = 0; a < indices.Count; a++)
        {
            var row = new ArraySegment<double>(errors, a * columns, columns);
            var total = 0.0;
            foreach (var e in row)
            {
                total += e;
            }

            var worst = Enumerable.Range(0, columns).OrderByDescending(c => row[c]).Take(2).Where(c => row[c] > 0.1 * total).ToList();
            if (worst.Count > 0)
            {
                var names = string.Join(", ", worst.Select(c => FeatureDescriptions.Of(prepared.Matrix.Names[c])));
                reasons[a] = new Reason($"hardest to reconstruct: {names}", 65);
            }
        }

        return reasons;
    }
}
