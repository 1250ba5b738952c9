using System.Globalization;
using AnomalyStudio.Core.Explanations;
using AnomalyStudio.Core.Features;
using AnomalyStudio.Core.Parsing;
using AnomalyStudio.Core.Parsing.LineLogs;

namespace AnomalyStudio.Core.Entities;

/// <summary>
/// The entities of a line log that are sessions (an HDFS block, an instance, a request, a user) as sequences of events,
/// their records' templates in file order: loglizer's event count matrix (ln(1 + count) per template, for the
/// <see cref="MaxEventColumns"/> most frequent), and the shape of the sequence: events that few sessions have, events
/// that nearly every session has but this one lacks, and transitions between events that few sessions make. The last
/// three are evidence too, as a FATAL level is for a record: an isolation forest sees that a count is unusual, not that
/// a block that was never acknowledged is worse than one read twice.
/// </summary>
public sealed class SessionEvents
{
    /// <summary>Templates counted one column each, the most frequent first; rarer ones count only as rare events.</summary>
    public const int MaxEventColumns = 100;

    /// <summary>An event is rare when fewer than this share of the sessions have it.</summary>
    public const double RareShare = 0.02;

    /// <summary>An event is expected when at least this share of the sessions have it.</summary>
    public const double ExpectedShare = 0.9;

    /// <summary>A transition (one event straight after another) is rare when at most this share of the sessions make it (and at most 2 sessions in a small file).</summary>
    public const double RareTransitionShare = 0.001;

    private readonly string?[] _templateTexts;
    private readonly List<int>[] _rare;
    private readonly List<int>[] _missing;
    private readonly int[] _rareTransitions;
    private readonly double[] _presence;

    private SessionEvents(FeatureMatrix features, string?[] templateTexts, List<int>[] rare, List<int>[] missing, int[] rareTransitions, double[] presence)
    {
        Features = features;
        _templateTexts = templateTexts;
        _rare = rare;
        _missing = missing;
        _rareTransitions = rareTransitions;
        _presence = presence;
    }

    /// <summary>Event-count and sequence-shape features, one row per entity.</summary>
    public FeatureMatrix Features { get; }

    /// <summary>The sessions of <paramref name="index"/>, or null when <paramref name="column"/> does not hold sessions or the table has no templates.</summary>
    public static SessionEvents? Of(CsvTable table, CsvColumn column, EntityIndex index)
    {
        var templateColumn = table.Columns.FirstOrDefault(c => c.Name == "template_id" && c.Texts is not null);
        if (!MessageParameters.IsSession(column.Name) || templateColumn is null || index.Count < 2)
        {
            return null;
        }

        var (events, names) = TextIds.Encode(templateColumn.Texts!, "(none)");
        var texts = table.Columns.FirstOrDefault(c => c.Name == LineLogColumns.TemplateColumn)?.Texts;
        var templateTexts = new string?[names.Count];
        for (var i = 0; i < events.Length && texts is not null; i++)
        {
            templateTexts[events[i]] ??= texts[i];
        }

        var (sessionsWith, transitions) = CountSessions(events, names.Count, index);
        var seen = new HashSet<long>();
        var presence = sessionsWith.Select(n => (double)n / index.Count).ToArray();
        var columns = Enumerable.Range(0, names.Count).OrderByDescending(t => sessionsWith[t]).ThenBy(t => t).Take(MaxEventColumns).ToArray();
        var rareTransitionLimit = Math.Max(2, RareTransitionShare * index.Count);
        var featureNames = columns.Select(t => $"event {names[t]}").Concat(["rare_events", "missing_events", "rare_transitions"]).ToArray();
        var matrix = new FeatureMatrix(featureNames, index.Count);
        var rare = new List<int>[index.Count];
        var missing = new List<int>[index.Count];
        var rareTransitions = new int[index.Count];
        // Per session only its own events are visited, so a file of many sessions and many templates stays linear.
        var expected = Enumerable.Range(0, names.Count).Where(t => presence[t] >= ExpectedShare).ToArray();
        var counts = new int[names.Count];
        var present = new List<int>();
        for (var e = 0; e < index.Count; e++)
        {
            var previous = -1;
            seen.Clear();
            present.Clear();
            foreach (var i in index.Records(e))
            {
                var ev = events[i];
                if (counts[ev]++ == 0)
                {
                    present.Add(ev);
                }

                if (previous >= 0 && seen.Add(((long)previous << 32) | (uint)ev) && transitions[((long)previous << 32) | (uint)ev] <= rareTransitionLimit)
                {
                    rareTransitions[e]++;
                }

                previous = ev;
            }

            present.Sort();
            rare[e] = [.. present.Where(t => presence[t] < RareShare)];
            missing[e] = [.. expected.Where(t => counts[t] == 0)];
            var row = matrix.RowForWrite(e);
            for (var c = 0; c < columns.Length; c++)
            {
                row[c] = Math.Log(1 + counts[columns[c]]);
            }

            row[columns.Length] = rare[e].Count;
            row[columns.Length + 1] = missing[e].Count;
            row[columns.Length + 2] = Math.Log(1 + rareTransitions[e]);
            foreach (var t in present)
            {
                counts[t] = 0;
            }
        }

        return new SessionEvents(matrix, templateTexts, rare, missing, rareTransitions, presence);
    }

    /// <summary>In how many sessions each event and each transition (keyed previous &lt;&lt; 32 | next) occurs, once per session.</summary>
    private static (int[] SessionsWith, Dictionary<long, int> Transitions) CountSessions(int[] events, int eventCount, EntityIndex index)
    {
        var sessionsWith = new int[eventCount];
        var transitions = new Dictionary<long, int>();
        var seen = new HashSet<long>();
        for (var e = 0; e < index.Count; e++)
        {
            seen.Clear();
            var previous = -1;
            foreach (var i in index.Records(e))
            {
                var ev = events[i];
                if (seen.Add(ev))
                {
                    sessionsWith[ev]++;
                }

                // Offset by one so a transition's key never equals an event's.
                if (previous >= 0 && seen.Add(((long)(previous + 1) << 32) | (uint)ev))
                {
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(transitions, ((long)previous << 32) | (uint)ev, out _)++;
                }

                previous = ev;
            }
        }

        return (sessionsWith, transitions);
    }

    /// <summary>
    /// Robust σ of evidence for entity <paramref name="entity"/>: <see cref="EvidencePrior.Signature"/> for each rare event,
    /// each expected event it lacks, and once for transitions few sessions make.
    /// </summary>
    public double Evidence(int entity) =>
        EvidencePrior.Signature * (_rare[entity].Count + _missing[entity].Count + (_rareTransitions[entity] > 0 ? 1 : 0));

    /// <summary>Why the session's sequence is unusual, strongest first.</summary>
    public IEnumerable<Reason> Reasons(int entity)
    {
        foreach (var t in _rare[entity].Take(2))
        {
            yield return new Reason(string.Create(CultureInfo.InvariantCulture, $"event '{Clip(t)}' that {_presence[t]:0.#%} of sessions have"), 87);
        }

        foreach (var t in _missing[entity].Take(2))
        {
            yield return new Reason(string.Create(CultureInfo.InvariantCulture, $"lacks '{Clip(t)}', which {_presence[t]:0.#%} of sessions have"), 86);
        }

        if (_rareTransitions[entity] > 0)
        {
            yield return new Reason($"{_rareTransitions[entity]} order{(_rareTransitions[entity] == 1 ? "" : "s")} of events few sessions show", 72);
        }
    }

    private string Clip(int template) => AccessLogExplainer.Clip(_templateTexts[template] ?? "(unknown)", 60);
}
