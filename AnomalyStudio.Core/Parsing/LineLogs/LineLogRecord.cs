using System.Text;

namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>A header line of a line log and the continuation lines (stack frames) joined to its message.</summary>
internal sealed class LineLogRecord(LineLogHeader header, long line)
{
    private StringBuilder? _continued;

    public LineLogHeader Header { get; } = header;

    public long Line { get; } = line;

    public LogTemplate? Template { get; set; }

    /// <summary>The header line's message, then each continuation line after a line break.</summary>
    public string Message => _continued?.ToString() ?? Header.Message;

    /// <summary>Joins a continuation line unless the message would grow past <paramref name="maxChars"/>.</summary>
    public bool TryAppend(string line, int maxChars)
    {
        var length = (_continued?.Length ?? Header.Message.Length) + 1 + line.Length;
        if (length > maxChars)
        {
            return false;
        }

        _continued ??= new StringBuilder(Header.Message);
        _continued.Append('\n').Append(line);
        return true;
    }
}
