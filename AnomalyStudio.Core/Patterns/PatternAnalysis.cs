using AnomalyStudio.Core.Scoring;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Core.Patterns;

/// <summary>
/// Every record's pattern (a code into <see cref="Templates"/>, −1 for none) with its time and line: what the detection
/// keeps, a few arrays. <see cref="Summarise"/> turns it into the patterns of the whole file or of a time range, from the
/// severities of the moment, so a moved threshold or a brushed range costs one pass, not a new mining.
/// </summary>
public sealed class PatternAnalysis
{
    private const int Severities = 5;

    public required string Source { get; init; }

    public string? Field { get; init; }

    /// <summary>The text fields a table's patterns could be mined from instead (for a picker); empty for an access log.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Template texts by code, in order of first appearance (code c has id "T" + (c + 1)).</summary>
    public required IReadOnlyList<string> Templates { get; init; }

    /// <summary>Each record's template code; −1 where it has none.</summary>
    public required int[] Codes { get; init; }

    /// <summary>Each record's UTC ticks (<see cref="long.MinValue"/> without a time); null when no record has one.</summary>
    public long[]? Ticks { get; init; }

    /// <summary>Each record's 1-based line (data row for a table).</summary>
    public required long[] Lines { get; init; }

    public required PatternOptions Options { get; init; }

    public int Count => Codes.Length;

    public long EstimatedBytes => (Codes.Length * 4L) + ((Ticks?.Length ?? 0) * 8L) + Templates.Sum(t => 24L + (2L * t.Length));

    public static string IdOf(int code) => "T" + (code + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The patterns of the records in <paramref name="range"/> (null: all), with <paramref name="severities"/> (one per
    /// record) counted per pattern. A record without a time is outside every range.
    /// </summary>
    public PatternSummary Summarise(Severity[] severities, TimeWindow? range = null)
    {
        if (severities.Length != Codes.Length)
        {
            throw new ArgumentException($"{severities.Length} severities for {Codes.Length} records.", nameof(severities));
        }

        var span = Span.Of(this, range);
        var tally = new Tally(Templates.Count, span.Buckets);
        for (var i = 0; i < Codes.Length; i++)
        {
            var tick = Ticks?[i] ?? long.MinValue;
            if (range is { } r && (tick == long.MinValue || !r.Contains(tick)))
            {
                continue;
            }

            tally.Add(Codes[i], i, tick, span.BucketOf(i, tick, Codes.Length), severities[i]);
        }

        var active = Enumerable.Range(0, span.Buckets).Where(b => tally.Overall[b] > 0).ToArray();
        var rare = RareLimit(tally.Counts, tally.Records);
        var patterns = new List<Pattern>();
        for (var code = 0; code < Templates.Count; code++)
        {
            if (tally.Counts[code] > 0)
            {
                patterns.Add(Describe(code, tally, span, active, rare));
            }
        }

        patterns.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Index.CompareTo(b.Index));
        return new PatternSummary
        {
            Source = Source, Field = Field, Patterns = patterns, Records = tally.Records, WithoutPattern = tally.Without, Range = range,
            Buckets = span.Buckets, Start = span.Timed ? new DateTimeOffset(span.Start, TimeSpan.Zero) : null,
            BucketWidth = span.Timed ? TimeSpan.FromTicks(span.Width) : null,
        };
    }

    /// <summary>
    /// The largest count a rare pattern may have: within the small-count cap (<see cref="PatternOptions.RareCount"/>,
    /// <see cref="PatternOptions.RareShare"/>), and only as far as the patterns that small together hold at most
    /// <see cref="PatternOptions.RareTail"/> of the records. A file whose normal traffic is a long tail of one-off
    /// templates (an access log's URIs, a chatty line log) then has no rare pattern, since a one-off is what it usually
    /// shows; a file of a few steady templates still marks the odd one that appears once or twice. 0: none is rare.
    /// </summary>
    private int RareLimit(int[] counts, int records)
    {
        var cap = (int)Math.Floor(Math.Max(Options.RareCount, Options.RareShare * records));
        var byCount = new long[cap + 1];
        foreach (var count in counts)
        {
            if (count > 0 && count <= cap)
            {
                byCount[count] += count;
            }
        }

        var (limit, held) = (0, 0L);
        for (var count = 1; count <= cap; count++)
        {
            held += byCount[count];
            if (held > Options.RareTail * records)
            {
                break;
            }

            limit = count;
        }

        return limit;
    }

    private Pattern Describe(int code, Tally tally, Span span, int[] active, int rareLimit)
    {
        var count = tally.Counts[code];
        var sparkline = tally.Sparkline(code);
        var badges = PatternBadges.None;
        if (count <= rareLimit)
        {
            badges |= PatternBadges.Rare;
        }

        var firstAt = span.Timed ? tally.FirstTick[code] - span.Start : tally.FirstIndex[code];
        var length = span.Timed ? span.End - span.Start : Codes.Length;
        if (length > 0 && firstAt >= Options.NewAfter * length)
        {
            badges |= PatternBadges.New;
        }

        if (Bursts(sparkline, active))
        {
            badges |= PatternBadges.Bursting;
        }

        var s = tally.Severity;
        var at = code * Severities;
        return new Pattern
        {
            Index = code, TemplateId = IdOf(code), Template = Templates[code], Count = count,
            Share = tally.Records == 0 ? 0 : (double)count / tally.Records,
            FirstSeen = tally.FirstTick[code] is var first && first != long.MaxValue ? new DateTimeOffset(first, TimeSpan.Zero) : null,
            LastSeen = tally.LastTick[code] is var last && last != long.MinValue ? new DateTimeOffset(last, TimeSpan.Zero) : null,
            FirstLine = Lines[tally.FirstIndex[code]], LastLine = Lines[tally.LastIndex[code]], Sparkline = sparkline,
            Severities = new SeverityCounts(
                s[at + (int)Severity.Critical], s[at + (int)Severity.High], s[at + (int)Severity.Medium], s[at + (int)Severity.Low], s[at + (int)Severity.Normal]),
            Badges = badges,
        };
    }

    /// <summary>
    /// The spike detector's test (<see cref="BurstDetector"/>) on the sparkline: a bucket far above the median of the
    /// pattern's other buckets, among the buckets where the file has any record (so a sampled log's gaps are no baseline).
    /// </summary>
    private bool Bursts(int[] sparkline, int[] active)
    {
        var options = new SpikeOptions { BurstZ = Options.BurstZ, MinExcess = Options.BurstExcess, MinRatio = Options.BurstRatio, NeighbourMinutes = sparkline.Length };
        return active.Length >= 3 && BurstDetector.Find(sparkline, active, options).Count > 0;
    }

    /// <summary>The span the sparklines cover: the range, else the records' first to last time, else the file's order.</summary>
    private readonly record struct Span(bool Timed, long Start, long End, long Width, int Buckets)
    {
        public static Span Of(PatternAnalysis analysis, TimeWindow? range)
        {
            var buckets = analysis.Options.SparkBuckets;
            long start = long.MaxValue, end = long.MinValue;
            if (range is { } r)
            {
                (start, end) = (r.Start.UtcTicks, r.End.UtcTicks);
            }
            else if (analysis.Ticks is { } ticks)
            {
                foreach (var t in ticks)
                {
                    if (t != long.MinValue)
                    {
                        start = Math.Min(start, t);
                        end = Math.Max(end, t + 1);
                    }
                }
            }

            return start < end
                ? new Span(true, start, end, Math.Max(1, (end - start + buckets - 1) / buckets), buckets)
                : new Span(false, 0, 0, 0, buckets);
        }

        /// <summary>The record's bucket; −1 for a record without a time when the buckets are times.</summary>
        public int BucketOf(int index, long tick, int records) => Timed
            ? tick == long.MinValue ? -1 : (int)Math.Clamp((tick - Start) / Width, 0, Buckets - 1)
            : (int)((long)index * Buckets / Math.Max(1, records));
    }

    /// <summary>The per-pattern counters of one pass.</summary>
    private sealed class Tally
    {
        private readonly int[] _spark;
        private readonly int _buckets;

        public Tally(int patterns, int buckets)
        {
            _buckets = buckets;
            _spark = new int[patterns * buckets];
            Counts = new int[patterns];
            Severity = new int[patterns * Severities];
            FirstIndex = new int[patterns];
            LastIndex = new int[patterns];
            FirstTick = new long[patterns];
            LastTick = new long[patterns];
            Overall = new int[buckets];
            Array.Fill(FirstIndex, -1);
            Array.Fill(FirstTick, long.MaxValue);
            Array.Fill(LastTick, long.MinValue);
        }

        public int[] Counts { get; }

        public int[] Severity { get; }

        public int[] FirstIndex { get; }

        public int[] LastIndex { get; }

        public long[] FirstTick { get; }

        public long[] LastTick { get; }

        /// <summary>Every record looked at per bucket.</summary>
        public int[] Overall { get; }

        public int Records { get; private set; }

        public int Without { get; private set; }

        public void Add(int code, int index, long tick, int bucket, Severity severity)
        {
            Records++;
            if (bucket >= 0)
            {
                Overall[bucket]++;
            }

            if (code < 0)
            {
                Without++;
                return;
            }

            Counts[code]++;
            Severity[(code * Severities) + (int)severity]++;
            if (FirstIndex[code] < 0)
            {
                FirstIndex[code] = index;
            }

            LastIndex[code] = index;
            if (tick != long.MinValue)
            {
                FirstTick[code] = Math.Min(FirstTick[code], tick);
                LastTick[code] = Math.Max(LastTick[code], tick);
            }

            if (bucket >= 0)
            {
                _spark[(code * _buckets) + bucket]++;
            }
        }

        public int[] Sparkline(int code) => _spark.AsSpan(code * _buckets, _buckets).ToArray();
    }
}
