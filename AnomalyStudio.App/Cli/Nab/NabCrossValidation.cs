using System.Globalization;
using AnomalyStudio.Core.TimeSeries;

namespace AnomalyStudio.App.Cli.Nab;

/// <summary>
/// <c>bench nab --cross-validate</c>: checks that the time-series flag rule's defaults are not fitted to the shared series.
/// Each series is analysed once; the flag rule (<see cref="SurpriseScoring.Flags"/>) is then replayed over a grid of
/// <see cref="TimeSeriesOptions"/> on the distances. For each NAB folder, the options best on that folder alone are scored
/// on the other two, and the options best on the other two are scored on it (leave one folder out): the held-out figures
/// say what a new series of a known kind can expect, where the all-series figure flatters.
/// </summary>
public static class NabCrossValidation
{
    private static readonly double[] Distances = [4, 5, 6, 7];
    private static readonly double[] Novelties = [0.85, 1.0, 1.2];
    private static readonly double[] RecentHours = [4, 8, 24];
    private static readonly int[] SeasonalDays = [0, 7, 14, 28];
    private static readonly double[] PeriodHours = [1, 2, 4];

    /// <summary>The options tried: the defaults varied one grid at a time over every flag parameter.</summary>
    public static IReadOnlyList<TimeSeriesOptions> Grid(TimeSeriesOptions defaults) =>
    [
        .. from distance in Distances
           from novelty in Novelties
           from recent in RecentHours
           from days in SeasonalDays
           from period in PeriodHours
           select defaults with { FlagDistance = distance, NoveltyShare = novelty, RecentHistory = TimeSpan.FromHours(recent), SeasonalHistoryDays = days, PeriodLength = TimeSpan.FromHours(period) },
    ];

    /// <summary>NAB's normalised score of <paramref name="cases"/> with their points flagged under <paramref name="options"/>.</summary>
    public static double Score(IEnumerable<NabCase> cases, TimeSeriesOptions options) =>
        NabScorer.Normalised(cases.Select(c => ScoreOne(c, options)));

    public static NabSeriesScore ScoreOne(NabCase c, TimeSeriesOptions options)
    {
        var flaggedInTime = SurpriseScoring.Flags(c.Analysis.DistanceInTimeOrder, options, c.Analysis.Axis);
        var byRow = new bool[flaggedInTime.Length];
        for (var k = 0; k < flaggedInTime.Length; k++)
        {
            byRow[c.Analysis.Row(k)] = flaggedInTime[k];
        }

        return NabScorer.Score(byRow, c.Series.Windows, NabProfile.Standard);
    }

    public static async Task WriteAsync(TextWriter output, IReadOnlyList<NabCase> cases, TimeSeriesOptions defaults)
    {
        var grid = Grid(defaults);
        var folders = cases.Select(c => c.Folder).Distinct().ToList();
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"Cross-validation over {grid.Count} flag rules (distance × novelty × recent history × days back × period):").ConfigureAwait(false);
        await output.WriteLineAsync("| chosen on | options | score there | held out | score held out | defaults held out |").ConfigureAwait(false);
        await output.WriteLineAsync("|---|---|---:|---|---:|---:|").ConfigureAwait(false);
        foreach (var folder in folders)
        {
            var inside = cases.Where(c => c.Folder == folder).ToList();
            var outside = cases.Where(c => c.Folder != folder).ToList();
            foreach (var (train, test, trainName, testName) in new[] { (inside, outside, folder, "the other two"), (outside, inside, "the other two", folder) })
            {
                var best = grid.MaxBy(o => Score(train, o))!;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| {trainName}{(trainName == folder ? "" : $" (not {folder})")} | {Describe(best)} | {Score(train, best):0.0} | {testName} | **{Score(test, best):0.0}** | {Score(test, defaults):0.0} |")).ConfigureAwait(false);
            }
        }

        var overall = grid.MaxBy(o => Score(cases, o))!;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Defaults ({Describe(defaults)}): {Score(cases, defaults):0.0} on all; the best of the grid on all ({Describe(overall)}): {Score(cases, overall):0.0}.")).ConfigureAwait(false);
    }

    private static string Describe(TimeSeriesOptions o) => string.Create(CultureInfo.InvariantCulture,
        $"{o.FlagDistance:0.#}σ, novelty {o.NoveltyShare:0.##}, recent {o.RecentHistory.TotalHours:0.#} h, {o.SeasonalHistoryDays} days back, period {o.PeriodLength.TotalHours:0.#} h");
}

/// <summary>A series, its folder (its kind) and its analysis under the defaults.</summary>
public sealed record NabCase(NabSeries Series, TimeSeriesAnalysis Analysis)
{
    public string Folder => Series.Name[..Math.Max(0, Series.Name.IndexOf('/', StringComparison.Ordinal))];
}
