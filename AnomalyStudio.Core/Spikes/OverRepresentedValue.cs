namespace AnomalyStudio.Core.Spikes;

/// <summary>
/// A field value more common in a window than in its baseline: its counts in both, the lift (window share ÷ baseline
/// share, the baseline smoothed by half a record so a value never seen before has a finite lift), the G-test's p-value
/// and the sentence that says so.
/// </summary>
public sealed record OverRepresentedValue(
    string Field, string Value, int WindowCount, int WindowTotal, int BaselineCount, int BaselineTotal, double Lift, double PValue, string Text)
{
    public double WindowShare => WindowTotal == 0 ? 0 : (double)WindowCount / WindowTotal;

    public double BaselineShare => BaselineTotal == 0 ? 0 : (double)BaselineCount / BaselineTotal;
}
