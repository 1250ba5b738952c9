namespace AnomalyStudio.Core.Pipeline.Comparison;

/// <summary>
/// A pattern or field value whose rate differs between the baseline and the incident, with the spike explanation's
/// statistics: its counts in both, the lift (incident share ÷ baseline share, the side with none smoothed by half a
/// record so a new or gone value has a finite lift) and the G-test's p-value, and the sentence that says so.
/// </summary>
public sealed record ValueChange(
    ChangeKind Kind, string Field, string Value, int IncidentCount, int IncidentTotal, int BaselineCount, int BaselineTotal, double Lift, double PValue, string Text)
{
    public double IncidentShare => IncidentTotal == 0 ? 0 : (double)IncidentCount / IncidentTotal;

    public double BaselineShare => BaselineTotal == 0 ? 0 : (double)BaselineCount / BaselineTotal;
}
