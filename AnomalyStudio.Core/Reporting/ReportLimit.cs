using System.Globalization;

namespace AnomalyStudio.Core.Reporting;

/// <summary>The one reading of a report's limit ("the N highest scores"), shared by the CLI's <c>--limit</c> and the API's <c>limit</c>.</summary>
public static class ReportLimit
{
    /// <summary>Null (every record) for nothing given; otherwise a whole number of 0 or more, else <see cref="InvalidInputException"/>.</summary>
    public static int? Parse(string? limit)
    {
        if (string.IsNullOrWhiteSpace(limit))
        {
            return null;
        }

        if (!int.TryParse(limit.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidInputException($"limit must be a whole number of 0 or more, not '{limit}'.");
        }

        return value;
    }
}
