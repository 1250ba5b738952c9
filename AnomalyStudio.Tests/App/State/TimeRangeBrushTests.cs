using AnomalyStudio.App.State;
using AnomalyStudio.Core.Spikes;

namespace AnomalyStudio.Tests.App.State;

/// <summary>The time-range strip's gestures, without a browser: what each sets and which buckets light up.</summary>
public sealed class TimeRangeBrushTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Five five-minute buckets from noon, with 10, 0, 3, 40 and 1 records.</summary>
    private static TimeRangeBrush Brush() => new(
        [.. Enumerable.Range(0, 5).Select(i => Noon.AddMinutes(5 * i))],
        [1, 0, 0, 8, 1],
        [10, 0, 3, 40, 1]);

    private static TimeWindow Minutes(int from, int to) => new(Noon.AddMinutes(from), Noon.AddMinutes(to));

    [Fact]
    public void A_drag_sets_the_window_from_the_first_buckets_start_to_the_last_ones_end()
    {
        var brush = Brush();

        brush.Press(1, shift: false);
        brush.Hover(2);
        brush.Hover(3);

        Assert.Equal(Minutes(5, 20), brush.Release(3));
    }

    [Fact]
    public void A_drag_to_the_left_sets_the_same_window_as_one_to_the_right()
    {
        var brush = Brush();

        brush.Press(3, shift: false);

        Assert.Equal(Minutes(5, 20), brush.Release(1));
    }

    [Fact]
    public void While_dragging_the_buckets_passed_light_up_whatever_the_range()
    {
        var brush = Brush();
        brush.Press(1, shift: false);
        brush.Hover(2);

        Assert.Equal([false, true, true, false, false], Lit(brush, Minutes(15, 25)));
    }

    [Fact]
    public void Without_a_drag_the_buckets_starting_inside_the_range_light_up()
    {
        Assert.Equal([false, false, false, true, true], Lit(Brush(), Minutes(15, 25)));
        Assert.Equal([false, false, false, false, false], Lit(Brush(), null));
    }

    [Fact]
    public void Leaving_the_strip_drops_the_drag_and_a_release_then_sets_nothing()
    {
        var brush = Brush();
        brush.Press(1, shift: false);

        brush.Leave();

        Assert.Null(brush.Release(3));
        Assert.Equal([false, false, false, false, false], Lit(brush, null));
    }

    [Fact]
    public void Hovering_without_a_press_sets_nothing()
    {
        var brush = Brush();

        brush.Hover(2);

        Assert.Null(brush.Release(2));
    }

    [Fact]
    public void Shift_and_press_extends_from_the_last_bucket_picked()
    {
        var brush = Brush();
        brush.Press(1, shift: false);
        Assert.Equal(Minutes(5, 10), brush.Release(1));

        brush.Press(3, shift: true);

        Assert.Equal(Minutes(5, 20), brush.Release(3));
    }

    [Fact]
    public void Enter_picks_a_bucket_and_shift_enter_extends_to_another()
    {
        var brush = Brush();

        Assert.Equal(Minutes(10, 15), brush.Click(2, shift: false, detail: 0));
        Assert.Equal(Minutes(10, 25), brush.Click(4, shift: true, detail: 0));
        Assert.Equal(Minutes(0, 15), brush.Click(0, shift: true, detail: 0));
    }

    [Fact]
    public void Shift_enter_before_any_pick_picks_the_bucket_alone()
    {
        Assert.Equal(Minutes(15, 20), Brush().Click(3, shift: true, detail: 0));
    }

    [Fact]
    public void A_mouse_click_sets_nothing_since_its_release_already_did()
    {
        Assert.Null(Brush().Click(2, shift: false, detail: 1));
    }

    [Fact]
    public void One_bucket_is_a_minute_wide()
    {
        var brush = new TimeRangeBrush([Noon], [0], [7]);

        Assert.Equal(Minutes(0, 1), brush.Click(0, shift: false, detail: 0));
    }

    [Fact]
    public void Bars_are_percent_of_the_busiest_bucket_and_one_record_still_shows()
    {
        var brush = Brush();

        Assert.Equal(100, brush.Height(40));
        Assert.Equal(0, brush.Height(0));
        Assert.Equal(4, brush.Height(1));
        Assert.Equal(25, brush.Height(10));
    }

    [Fact]
    public void A_bucket_is_labelled_with_its_utc_start_and_counts()
    {
        Assert.StartsWith("2026-03-01 12:15 UTC: 40 records, 8 anomalies", Brush().Label(3), StringComparison.Ordinal);
    }

    private static bool[] Lit(TimeRangeBrush brush, TimeWindow? range) =>
        [.. Enumerable.Range(0, brush.Starts.Length).Select(b => brush.InRange(b, range))];
}
