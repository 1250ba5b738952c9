using AnomalyStudio.Core.Pipeline;

namespace AnomalyStudio.App.State;

/// <summary>
/// One view of the dashboard as its list registers it: the tab's key (the tab's test id is <c>tab-</c> and the key), the
/// tab's label from the circuit's state, the component that renders the view (given the result as its one parameter)
/// and, for a view that can be empty, whether it has anything to show (a tab without is disabled).
/// </summary>
public sealed record DashboardView(
    string Tab,
    Type Component,
    Func<PopulationSession, DetectionResult, string> Label,
    Func<PopulationSession, bool>? IsAvailable = null)
{
    /// <summary>Whether the view has something to show for the circuit's state.</summary>
    public bool AvailableIn(PopulationSession population) => IsAvailable?.Invoke(population) ?? true;
}
