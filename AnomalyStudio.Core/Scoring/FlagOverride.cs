using System.Globalization;

namespace AnomalyStudio.Core.Scoring;

/// <summary>
/// What an analyst asked for instead of the file's own threshold: flag every record scoring at least <see cref="Score"/>,
/// or the <see cref="Top"/> records by score. Applied to the scores as they are, so moving it never rescores.
/// </summary>
public sealed record FlagOverride
{
    /// <summary>Flag records whose 0…1 score is at least this.</summary>
    public double? Score { get; init; }

    /// <summary>Flag the N records with the highest scores (records tied with the N-th are flagged too).</summary>
    public int? Top { get; init; }

    /// <summary>Throws <see cref="InvalidInputException"/> naming the problem unless exactly one of a score in [0, 1] and a count ≥ 1 is given.</summary>
    public FlagOverride Validate()
    {
        if (Score is not null && Top is not null)
        {
            throw new InvalidInputException("Give either a threshold score or a top N, not both.");
        }

        if (Score is { } score && !(score >= 0 && score <= 1))
        {
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"The threshold must be a score between 0 and 1, not {score}."));
        }

        if (Top is { } top && top < 1)
        {
            throw new InvalidInputException($"Top N must be at least 1, not {top}.");
        }

        if (Score is null && Top is null)
        {
            throw new InvalidInputException("Give a threshold score or a top N.");
        }

        return this;
    }

    /// <summary>
    /// Reads the CLI's <c>--threshold</c>/<c>--top</c> and the API's <c>threshold</c>/<c>top</c> (invariant culture); null
    /// when neither is given. Throws <see cref="InvalidInputException"/> naming the bad value.
    /// </summary>
    public static FlagOverride? Parse(string? threshold, string? top)
    {
        if (string.IsNullOrWhiteSpace(threshold) && string.IsNullOrWhiteSpace(top))
        {
            return null;
        }

        double? score = null;
        if (!string.IsNullOrWhiteSpace(threshold))
        {
            score = double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidInputException($"The threshold must be a score between 0 and 1, not '{threshold}'.");
        }

        int? count = null;
        if (!string.IsNullOrWhiteSpace(top))
        {
            count = int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidInputException($"Top N must be a whole number of at least 1, not '{top}'.");
        }

        return new FlagOverride { Score = score, Top = count }.Validate();
    }

    /// <summary>
    /// The threshold this override sets on <paramref name="scores"/>. <paramref name="descending"/>, the scores sorted from
    /// the highest, saves the sort when a caller moves the control many times over the same scores.
    /// </summary>
    public FlagThreshold Resolve(double[] scores, double[]? descending = null)
    {
        Validate();
        if (Score is { } score)
        {
            return new FlagThreshold(score, ThresholdMethod.Manual,
                string.Create(CultureInfo.InvariantCulture, $"Set by hand: records scoring {score:0.###} or more are flagged."));
        }

        var top = Top!.Value;
        if (scores.Length == 0)
        {
            return new FlagThreshold(1, ThresholdMethod.Top, $"Set by hand: the top {top:N0} records by score are flagged.");
        }

        descending ??= SortedDescending(scores);
        var at = descending[Math.Min(top, descending.Length) - 1];
        return new FlagThreshold(at, ThresholdMethod.Top, string.Create(CultureInfo.InvariantCulture,
            $"Set by hand: the top {top:N0} records by score are flagged (from {at:0.###}; records tied with the last are flagged too)."));
    }

    /// <summary>The scores from the highest down.</summary>
    public static double[] SortedDescending(double[] scores)
    {
        var sorted = (double[])scores.Clone();
        DoubleSort.Sort(sorted);
        Array.Reverse(sorted);
        return sorted;
    }
}
