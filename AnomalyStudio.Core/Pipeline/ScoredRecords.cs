using AnomalyStudio.Core.Scoring;

namespace AnomalyStudio.Core.Pipeline;

/// <summary>
/// The scored records of a detection, stored column by column (scores, severities, explanations) with the
/// line, time and identifier read from the input on demand, so a million results are a few arrays, not a
/// million objects. Indexing gives a <see cref="ScoredRecord"/> view; hot paths read the columns.
/// </summary>
public sealed class ScoredRecords : IReadOnlyList<ScoredRecord>
{
    private readonly long[] _lines;
    private readonly Func<int, DateTimeOffset?> _timestamp;
    private readonly Func<int, string> _identifier;

    internal ScoredRecords(long[] lines, double[] scores, Severity[] severities, string[] explanations, Func<int, DateTimeOffset?> timestamp, Func<int, string> identifier)
    {
        _lines = lines;
        Scores = scores;
        Severities = severities;
        Explanations = explanations;
        _timestamp = timestamp;
        _identifier = identifier;
    }

    public int Count => Scores.Length;

    /// <summary>The same records with other severities and explanations (a moved threshold); scores, lines and times are shared.</summary>
    internal ScoredRecords WithBands(Severity[] severities, string[] explanations) =>
        new(_lines, Scores, severities, explanations, _timestamp, _identifier);

    /// <summary>The same records with other scores too (rules that leave a record's evidence out); lines and times are shared.</summary>
    internal ScoredRecords WithScores(double[] scores, Severity[] severities, string[] explanations) =>
        new(_lines, scores, severities, explanations, _timestamp, _identifier);

    /// <summary>Normalised scores, 0 = normal … 1 = anomalous.</summary>
    public double[] Scores { get; }

    public Severity[] Severities { get; }

    public string[] Explanations { get; }

    public long Line(int index) => _lines[index];

    public DateTimeOffset? Timestamp(int index) => _timestamp(index);

    public string Identifier(int index) => _identifier(index);

    public ScoredRecord this[int index] => new()
    {
        Index = index,
        Line = _lines[index],
        Timestamp = _timestamp(index),
        Identifier = _identifier(index),
        Score = Scores[index],
        Severity = Severities[index],
        Explanation = Explanations[index],
    };

    public IEnumerator<ScoredRecord> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
