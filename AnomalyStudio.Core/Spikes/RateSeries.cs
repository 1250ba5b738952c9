namespace AnomalyStudio.Core.Spikes;

/// <summary>Records per time bucket (a minute, unless the file spans too long for that) from <see cref="Start"/> on.</summary>
public sealed record RateSeries(string Name, DateTimeOffset Start, TimeSpan Bucket, int[] Counts)
{
    public DateTimeOffset BucketStart(int bucket) => Start + (Bucket * bucket);

    public TimeWindow Window(int first, int last) => new(BucketStart(first), BucketStart(last + 1));
}
