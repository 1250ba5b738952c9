namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Counts every skipped line but keeps only the first few with their reasons, so a file of a million
/// broken lines reports them without holding a million messages.
/// </summary>
public sealed class SkippedLines
{
    /// <summary>How many skipped lines are kept with their reasons.</summary>
    public const int KeptExamples = 20;

    private readonly List<SkippedLine> _examples = [];

    public long Count { get; private set; }

    public IReadOnlyList<SkippedLine> Examples => _examples;

    /// <summary>Appends another part's skipped lines (parts are merged in file order).</summary>
    public void Append(SkippedLines other)
    {
        Count += other.Count;
        foreach (var example in other.Examples)
        {
            if (_examples.Count < KeptExamples)
            {
                _examples.Add(example);
            }
        }
    }

    /// <summary>A skipped record starting at <paramref name="lineNumber"/> and covering <paramref name="lines"/> lines of the file.</summary>
    public void Add(long lineNumber, string reason, long lines = 1)
    {
        Count += lines;
        if (_examples.Count < KeptExamples)
        {
            _examples.Add(new SkippedLine(lineNumber, reason));
        }
    }
}
