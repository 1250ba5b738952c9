using AnomalyStudio.Core.Parsing.LineLogs;

namespace AnomalyStudio.Core.Formats;

/// <summary>
/// What the user said about an input's format when detection is not enough (<c>--input-format</c>, <c>--log-format</c>):
/// the format to read it as, and for a line log the header layout. Detection then only fills in what is left
/// (a CSV's delimiter, a line log's layout when none was given).
/// </summary>
public sealed record FormatChoice(IInputFormat Format, LineLogLayout? LineLogLayout = null)
{
    /// <summary>How the choice reads in notes and the dashboard ("line log with header '&lt;Date&gt; …'").</summary>
    public override string ToString() =>
        LineLogLayout is { Format: { } format } ? $"{Format.DisplayName.ToLowerInvariant()} with header '{format}'" : Format.DisplayName.ToLowerInvariant();
}
