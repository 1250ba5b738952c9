namespace AnomalyStudio.Core.TimeSeries;

/// <summary><see cref="TimeSeriesOptions"/>' times as points of one series at its usual step.</summary>
public readonly record struct FlagRule(int RecentPoints, int PeriodPoints, int PointsPerDay, int TolerancePoints, int Days)
{
    public static FlagRule Of(TimeSeriesOptions options, TimeAxis axis)
    {
        var step = axis.Step > TimeSpan.Zero ? axis.Step : TimeSpan.FromMinutes(5);
        var perDay = axis.StepsPerDay;
        var tolerance = perDay > 1 ? Math.Min((perDay - 1) / 2, Points(options.PhaseTolerance, step)) : 0;
        return new FlagRule(
            Math.Max(1, Points(options.RecentHistory, step)),
            Points(options.PeriodLength, step),
            perDay,
            tolerance,
            perDay > 1 ? options.SeasonalHistoryDays : 0);
    }

    private static int Points(TimeSpan length, TimeSpan step) => (int)Math.Min(int.MaxValue / 4, Math.Round(length / step));
}
