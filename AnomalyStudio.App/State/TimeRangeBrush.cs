using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.App.State;

/// <summary>
/// The logic of the time-range strip (<c>TimeRangeBar</c>): a result's records over time in buckets, and the range an
/// analyst brushes across them by mouse (press, drag, release; shift+press extends from the last bucket picked) or by
/// keyboard (Enter picks a bucket, Shift+Enter extends). The gestures return the window to set, or null for none; the
/// component only forwards events and draws.
/// </summary>
public sealed class TimeRangeBrush
{
    private readonly long _width;
    private readonly int _most;
    private int? _anchor;
    private int? _preview;
    private bool _dragging;

    public TimeRangeBrush(DateTimeOffset[] starts, int[] anomalies, int[] records)
    {
        Starts = starts;
        Anomalies = anomalies;
        Records = records;
        // A bucket's width, from the first two starts (a minute when there is one bucket).
        _width = starts.Length > 1 ? starts[1].UtcTicks - starts[0].UtcTicks : TimeSpan.TicksPerMinute;
        _most = Math.Max(1, records.Max());
    }

    /// <summary>Each bucket's start, in time order.</summary>
    public DateTimeOffset[] Starts { get; }

    /// <summary>Anomalies per bucket.</summary>
    public int[] Anomalies { get; }

    /// <summary>Records per bucket.</summary>
    public int[] Records { get; }

    /// <summary>The strip of <paramref name="result"/>'s timeline; null when its records have no times.</summary>
    public static TimeRangeBrush? Of(DetectionResult result) =>
        ChartData.Timeline(result) is { } t ? new TimeRangeBrush(t.Starts, t.Anomalies, t.Records) : null;

    /// <summary>Whether <paramref name="bucket"/> is lit: inside the drag under way, else inside <paramref name="range"/>.</summary>
    public bool InRange(int bucket, TimeWindow? range)
    {
        if (_dragging && _anchor is { } a && _preview is { } p)
        {
            return bucket >= Math.Min(a, p) && bucket <= Math.Max(a, p);
        }

        var start = Starts[bucket];
        return range is { } r && start >= r.Start && start < r.End;
    }

    /// <summary>A mouse button goes down on <paramref name="bucket"/>: a drag starts there, or from the last bucket picked with shift.</summary>
    public void Press(int bucket, bool shift)
    {
        if (!(shift && _anchor is not null))
        {
            _anchor = bucket;
        }

        _preview = bucket;
        _dragging = true;
    }

    /// <summary>The mouse moves over <paramref name="bucket"/>: a drag under way reaches it.</summary>
    public void Hover(int bucket)
    {
        if (_dragging)
        {
            _preview = bucket;
        }
    }

    /// <summary>The mouse leaves the strip: the drag is dropped, nothing is set.</summary>
    public void Leave() => _dragging = false;

    /// <summary>The mouse button comes up on <paramref name="bucket"/>: the window dragged across, or null when no drag was under way.</summary>
    public TimeWindow? Release(int bucket)
    {
        if (_dragging && _anchor is { } a)
        {
            _dragging = false;
            return Window(a, bucket);
        }

        return null;
    }

    /// <summary>
    /// A click on <paramref name="bucket"/>; <paramref name="detail"/> 0 is one from the keyboard: Enter picks the bucket,
    /// Shift+Enter extends from the last one picked. A mouse click gives null, since its release already set the window.
    /// </summary>
    public TimeWindow? Click(int bucket, bool shift, long detail)
    {
        if (detail != 0)
        {
            return null;
        }

        if (shift && _anchor is { } a)
        {
            return Window(a, bucket);
        }

        _anchor = bucket;
        return Window(bucket, bucket);
    }

    /// <summary>A bucket's bar height in percent of the busiest bucket: 0 for none, at least 4 so one record shows.</summary>
    public double Height(int count) => count == 0 ? 0 : Math.Max(4, Math.Round(100.0 * count / _most, 1));

    /// <summary>What a bucket holds, for its tooltip and screen readers.</summary>
    public string Label(int bucket)
    {
        var start = Starts[bucket].UtcDateTime;
        return $"{start:yyyy-MM-dd HH:mm} UTC: {Records[bucket]:N0} records, {Anomalies[bucket]:N0} anomalies";
    }

    /// <summary>From the earlier of two buckets' starts to the end of the later one.</summary>
    private TimeWindow Window(int first, int last) =>
        new(Starts[Math.Min(first, last)], Starts[Math.Max(first, last)].AddTicks(_width));
}
