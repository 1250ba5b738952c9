using AnomalyStudio.Core.Features.Text;
using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Core.Features;

/// <summary>The evidence of a CSV table's rows, whichever features the model scores: levels, alarm words and attack tokens.</summary>
public static class CsvEvidence
{
    /// <summary>
    /// Each row's <see cref="EvidencePrior"/>: its log levels' rank above INFO, the alarm words of its messages, and the
    /// attack tokens of its URL-like text columns (a URL, a request body). Null when the table has none of these.
    /// </summary>
    public static double[]? Of(CsvTable table, IReadOnlyList<TextColumnFeatures>? texts = null)
    {
        var levels = table.Columns.Where(c => c.Role == ColumnRole.Level && c.Texts is not null).ToArray();
        texts ??= table.Columns.Where(c => c.Role == ColumnRole.Text && c.Texts is not null).Select(TextColumnFeatures.Of).ToArray();
        var urls = texts.Where(t => t.IsUrlLike).ToArray();
        var messages = texts.Where(t => !t.IsUrlLike).ToArray();
        if (levels.Length == 0 && texts.Count == 0)
        {
            return null;
        }

        var evidence = new double[table.RowCount];
        foreach (var level in levels)
        {
            var ranks = CsvOwnColumnFeatures.LevelRanks(level);
            for (var row = 0; row < evidence.Length; row++)
            {
                evidence[row] = Math.Max(evidence[row], EvidencePrior.OfLevel(ranks[row]));
            }
        }

        for (var row = 0; row < evidence.Length; row++)
        {
            evidence[row] += EvidencePrior.OfAlarmWords(messages.Sum(m => m.AlarmWordCount(row)));
        }

        foreach (var url in urls)
        {
            for (var row = 0; row < evidence.Length; row++)
            {
                evidence[row] += EvidencePrior.OfPayload(url.PayloadTokenCount(row));
            }
        }

        return evidence;
    }
}
