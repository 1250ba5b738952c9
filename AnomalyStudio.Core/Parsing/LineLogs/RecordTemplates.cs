namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// The template of every record of a table, once mining is done: the reports, the drawer and the parsing benchmark
/// read a record's template id and text from here. Ids are "T1", "T2", … in the order of the records that first show
/// each template, so the same file always gives the same ids, and an id is short enough for a report column.
/// </summary>
public sealed class RecordTemplates
{
    private readonly LogTemplate?[] _ofRecord;

    private RecordTemplates(LogTemplate?[] ofRecord, IReadOnlyList<LogTemplate> templates)
    {
        _ofRecord = ofRecord;
        Templates = templates;
    }

    /// <summary>The distinct templates, in the order of their ids.</summary>
    public IReadOnlyList<LogTemplate> Templates { get; }

    /// <summary>How many records there are (with or without a template).</summary>
    public int Count => _ofRecord.Length;

    /// <summary>The record's template; null when the record has no message to mine.</summary>
    public LogTemplate? this[int record] => _ofRecord[record];

    /// <summary>
    /// Fixes the templates of <paramref name="groups"/> (each record's mined group, null for a record without a message):
    /// groups the miner merged into another count as that one, and ids are given in order of first appearance.
    /// </summary>
    public static RecordTemplates Number(IReadOnlyList<LogTemplate?> groups)
    {
        var ofRecord = new LogTemplate?[groups.Count];
        var templates = new List<LogTemplate>();
        var seen = new HashSet<LogTemplate>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < groups.Count; i++)
        {
            var template = groups[i]?.Final;
            if (template is not null && seen.Add(template))
            {
                template.Number(templates.Count);
                templates.Add(template);
            }

            ofRecord[i] = template;
        }

        return new RecordTemplates(ofRecord, templates);
    }
}
