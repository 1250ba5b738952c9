namespace AnomalyStudio.Core.Reporting;

/// <summary>
/// Formats CSV cells safely: RFC 4180 quoting, cells that a spreadsheet would run as a formula are neutralised,
/// and control characters other than tab and line breaks are made visible.
/// </summary>
public static class CsvCell
{
    /// <summary>
    /// Quotes when needed and prefixes a cell starting with =, +, -, @, tab or CR with an apostrophe (OWASP's
    /// advice against CSV formula injection), so log content such as "=HYPERLINK(…)" stays text in Excel.
    /// Numbers the writer formats itself (scores, line numbers) are passed with <paramref name="isNumber"/> and left alone.
    /// </summary>
    public static string Format(string? value, bool isNumber = false)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Control characters (an ANSI escape in a URI) would act when the export is printed; they become visible.
        value = InertText.ForDocument(value);
        if (!isNumber && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }
}
