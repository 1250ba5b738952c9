using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Features.Text;

/// <summary>
/// The content of one text column over a file: per row its attack-payload tokens (<see cref="PayloadTokens"/>), its
/// alarm words (<see cref="AlarmWords"/>) and its <see cref="TextShape"/> with how many rows share it. Each distinct
/// value is decoded and measured once and rows point at it: text is interned, and logs repeat.
/// </summary>
public sealed class TextColumnFeatures
{
    /// <summary>What one distinct value holds (and whether it looks like a URL), how many rows hold it, and how many rows of the file have its shape.</summary>
    private sealed record Content(int Payload, int Alarm, string Shape, bool Url)
    {
        public int Rows { get; set; }

        public int ShapeCount { get; set; }
    }

    private readonly IReadOnlyList<string?> _texts;
    private readonly Content?[] _contentOfRow;

    private TextColumnFeatures(string name, IReadOnlyList<string?> texts, Content?[] contentOfRow, bool urlLike)
    {
        Name = name;
        _texts = texts;
        _contentOfRow = contentOfRow;
        IsUrlLike = urlLike;
    }

    public string Name { get; }

    /// <summary>Most of its values are URLs, paths or form bodies: attack tokens there are evidence (in a log message they are punctuation).</summary>
    public bool IsUrlLike { get; }

    public int Rows => _contentOfRow.Length;

    /// <summary>The row's text as the file has it; null when missing.</summary>
    public string? Text(int row) => _texts[row];

    public int PayloadTokenCount(int row) => _contentOfRow[row]?.Payload ?? 0;

    public int AlarmWordCount(int row) => _contentOfRow[row]?.Alarm ?? 0;

    public string? Shape(int row) => _contentOfRow[row]?.Shape;

    /// <summary>How many of the file's rows have this row's shape (all of them when the row has no text).</summary>
    public int ShapeCount(int row) => _contentOfRow[row]?.ShapeCount ?? Rows;

    /// <summary>Share of the file's rows with this row's shape.</summary>
    public double ShapeShare(int row) => (double)ShapeCount(row) / Math.Max(1, Rows);

    public double ShapeSurprisal(int row) => -Math.Log(Math.Max(ShapeShare(row), 1e-12));

    public static TextColumnFeatures Of(CsvColumn column) => Of(column.Name, column.Texts!);

    public static TextColumnFeatures Of(string name, IReadOnlyList<string?> texts, CancellationToken cancellationToken = default)
    {
        var n = texts.Count;
        var contentOfRow = new Content?[n];
        var known = new Dictionary<string, Content>(ReferenceEqualityComparer.Instance);
        var distinct = new List<Content>();
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

            present++;
            if (!known.TryGetValue(text, out var content))
            {
                var url = TextShape.LooksLikeUrl(text);
                var decoded = TextContent.Decode(text);
                content = new Content(PayloadTokens.Count(decoded), AlarmWords.Count(decoded), TextShape.Of(decoded, url), url);
                distinct.Add(content);
                if (known.Count < 1_000_000)
                {
                    known[text] = content;
                }
            }

            urls += content.Url ? 1 : 0;
            contentOfRow[i] = content;
            content.Rows++;
        }

        // Rows were counted per distinct value; only the distinct values are grouped by shape.
        var shapeCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var content in distinct)
        {
            shapeCounts[content.Shape] = shapeCounts.GetValueOrDefault(content.Shape) + content.Rows;
        }

        foreach (var content in distinct)
        {
            content.ShapeCount = shapeCounts[content.Shape];
        }

        return new TextColumnFeatures(name, texts, contentOfRow, present > 0 && urls >= present * 0.5);
    }
}
