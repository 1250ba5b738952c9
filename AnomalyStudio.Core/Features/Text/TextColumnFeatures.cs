using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Features.Text;

/// <summary>
/// The content features of one text column over a file: <see cref="TextContent"/>'s measures per row, and how rare
/// each row's <see cref="TextShape"/> is in this file (the share of rows with the same shape, and its surprisal
/// −ln share). Each distinct value is measured once: text is interned, and logs repeat.
/// </summary>
public sealed class TextColumnFeatures
{
    private TextColumnFeatures(string name, double[] measures, double[] shapeShares, string?[] shapes, bool urlLike)
    {
        IsUrlLike = urlLike;
        Name = name;
        Measures = measures;
        ShapeShares = shapeShares;
        Shapes = shapes;
    }

    public string Name { get; }

    /// <summary>Most of its values are URLs, paths or form bodies: attack tokens there are evidence (in a log message they are punctuation).</summary>
    public bool IsUrlLike { get; }

    /// <summary>Row-major, <see cref="TextContent.Measures"/> per row.</summary>
    public double[] Measures { get; }

    /// <summary>Share of the file's rows whose text has this row's shape (1 when the row has no text).</summary>
    public double[] ShapeShares { get; }

    public string?[] Shapes { get; }

    public int Rows => ShapeShares.Length;

    public double Measure(int row, int measure) => Measures[(row * TextContent.Measures.Count) + measure];

    public double ShapeSurprisal(int row) => -Math.Log(Math.Max(ShapeShares[row], 1e-12));

    public static TextColumnFeatures Of(CsvColumn column) => Of(column.Name, column.Texts!);

    public static TextColumnFeatures Of(string name, IReadOnlyList<string?> texts, CancellationToken cancellationToken = default)
    {
        var n = texts.Count;
        var width = TextContent.Measures.Count;
        var measures = new double[n * width];
        var shapes = new string?[n];
        var known = new Dictionary<string, (double[] Measures, string Shape)>(ReferenceEqualityComparer.Instance);
        var scratch = new double[width];
        int present = 0, urls = 0;
        for (var i = 0; i < n; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (texts[i] is not { } text)
            {
                continue;
            }

            var url = TextShape.LooksLikeUrl(text);
            present++;
            urls += url ? 1 : 0;
            if (!known.TryGetValue(text, out var entry))
            {
                TextContent.Measure(text, scratch);
                entry = (scratch.ToArray(), TextShape.Of(TextContent.Decode(text), url));
                if (known.Count < 1_000_000)
                {
                    known[text] = entry;
                }
            }

            entry.Measures.CopyTo(measures.AsSpan(i * width, width));
            shapes[i] = entry.Shape;
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var shape in shapes)
        {
            if (shape is not null)
            {
                counts[shape] = counts.GetValueOrDefault(shape) + 1;
            }
        }

        var shares = new double[n];
        for (var i = 0; i < n; i++)
        {
            shares[i] = shapes[i] is { } shape ? (double)counts[shape] / n : 1;
        }

        return new TextColumnFeatures(name, measures, shares, shapes, present > 0 && urls >= present * 0.5);
    }
}
