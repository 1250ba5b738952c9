namespace AnomalyStudio.Core.Spikes;

/// <summary>Builds the per-minute rate series of a file (overall and per class), finds their bursts and explains each against the rest of the file.</summary>
public static class SpikeAnalyzer
{
    public static SpikeAnalysis Analyze(RecordFacets facets, SpikeOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        long min = long.MaxValue, max = long.MinValue;
        foreach (var t in facets.Ticks)
        {
            if (t != long.MinValue)
            {
                min = Math.Min(min, t);
                max = Math.Max(max, t);
            }
        }

        if (min > max)
        {
            return new SpikeAnalysis(facets, options, [], []);
        }

        var start = min / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute;
        var minutes = ((max - start) / TimeSpan.TicksPerMinute) + 1;
        var width = Math.Max(1, (minutes + options.MaxBuckets - 1) / options.MaxBuckets);
        var bucket = TimeSpan.FromMinutes(width);
        var buckets = (int)(((max - start) / bucket.Ticks) + 1);
        var overall = new int[buckets];
        var classes = facets.Classes;
        var perClass = classes is null ? [] : new int[classes.Values.Count][];
        for (var i = 0; i < facets.Ticks.Length; i++)
        {
            var t = facets.Ticks[i];
            if (t == long.MinValue)
            {
                continue;
            }

            var b = (int)((t - start) / bucket.Ticks);
            overall[b]++;
            if (classes is not null)
            {
                (perClass[classes.Codes[i]] ??= new int[buckets])[b]++;
            }
        }

        var origin = new DateTimeOffset(start, TimeSpan.Zero);
        var series = new List<RateSeries> { new($"all {facets.Noun}", origin, bucket, overall) };
        if (classes is not null)
        {
            for (var c = 0; c < perClass.Length; c++)
            {
                if (perClass[c] is { } counts)
                {
                    series.Add(new RateSeries($"{classes.Values[c]} {facets.Noun}", origin, bucket, counts));
                }
            }
        }

        var active = Enumerable.Range(0, buckets).Where(b => overall[b] > 0).ToArray();
        var found = new List<(RateSeries Series, Burst Burst)>();
        foreach (var s in series)
        {
            cancellationToken.ThrowIfCancellationRequested();
            found.AddRange(BurstDetector.Find(s.Counts, active, options).Select(b => (s, b)));
        }

        // Largest excess first; a class series' burst in the very window an overall burst already names adds nothing.
        var spikes = new List<Spike>();
        var explained = new Dictionary<TimeWindow, SpikeExplanation>();
        foreach (var (s, burst) in found.OrderByDescending(f => f.Burst.Excess).ThenBy(f => f.Burst.First).ThenBy(f => f.Series.Name, StringComparer.Ordinal))
        {
            var window = s.Window(burst.First, burst.Last);
            if (spikes.Count >= options.MaxSpikes || spikes.Any(k => k.Window == window))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (!explained.TryGetValue(window, out var explanation))
            {
                explanation = WindowContrast.Explain(facets, window, null, options);
                explained[window] = explanation;
            }

            spikes.Add(new Spike(s.Name, window, burst.Count, burst.Expected, burst.PeakZ, explanation));
        }

        return new SpikeAnalysis(facets, options, series, spikes);
    }
}
