namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Chooses a table's timestamp column from the typing sample: among the columns whose values read as times (ISO 8601,
/// epoch seconds or milliseconds, or any date under a time-like name), one whose values vary, by the rank of its name
/// (<see cref="ColumnNames.TimestampRank"/>), then by column order. A time that is the same on every record (a build date,
/// a process's <c>startTime</c> repeated on each line) says nothing about when the record happened and is never chosen:
/// a monitoring log had all its 500 records at one time. When such a column was passed over, a note says so.
/// </summary>
internal static class TimestampColumnChoice
{
    /// <param name="names">The column names.</param>
    /// <param name="candidate">Whether a column may be the timestamp at all (not a label, not preset by the reader).</param>
    /// <param name="numeric">Whether a column's sample is numeric.</param>
    /// <param name="values">A column's present sample values.</param>
    /// <returns>The chosen column (-1 for none) and a note for the user, or null when there is nothing to say.</returns>
    public static (int Column, string? Note) Choose(
        string[] names, Func<int, bool> candidate, bool[] numeric, Func<int, List<string>> values)
    {
        var varying = new List<int>();
        var constant = new List<int>();
        for (var c = 0; c < names.Length; c++)
        {
            var present = candidate(c) ? values(c) : [];
            if (present.Count == 0 || !IsTimestamp(names[c], numeric[c], present))
            {
                continue;
            }

            // One value cannot show whether a time varies; two or more that are all the same show it does not.
            var same = present.Count >= 2 && present.All(v => string.Equals(v.Trim(), present[0].Trim(), StringComparison.Ordinal));
            (same ? constant : varying).Add(c);
        }

        var chosen = varying
            .OrderBy(c => ColumnNames.TimestampRank(names[c]) ?? int.MaxValue)
            .ThenBy(c => c)
            .DefaultIfEmpty(-1)
            .First();
        if (constant.Count == 0)
        {
            return (chosen, null);
        }

        var passed = string.Join(", ", constant.Select(c => $"'{names[c]}'"));
        var verb = constant.Count == 1 ? "has the same time on every record" : "have the same time on every record";
        return chosen >= 0
            ? (chosen, $"The records' time is taken from '{names[chosen]}': {passed} {verb}.")
            : (-1, $"No field gives the records' time: {passed} {verb}, and no other time field varies, so the records are not placed in time.");
    }

    private static bool IsTimestamp(string name, bool numeric, List<string> values)
    {
        var hinted = ColumnNames.HasTimestampHint(name);
        if (numeric)
        {
            return hinted && values.Count(v => CsvTableReader.TryNumber(v, out var d) && CsvTableReader.TryEpoch(d, out _)) >= values.Count * CsvTableReader.TimestampShare;
        }

        var parsed = hinted ? values.Count(v => CsvTableReader.TryTimestamp(v, false, out _)) : values.Count(v => CsvTableReader.TryIsoTimestamp(v, out _));
        return parsed >= values.Count * (hinted ? CsvTableReader.TimestampShare : 0.99);
    }
}
