using AnomalyStudio.App.State;
using AnomalyStudio.Core.Pipeline;
using AnomalyStudio.Core.Spikes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace AnomalyStudio.App.Components.Views;

/// <summary>The Compare view's wiring: the circuit's <see cref="CompareSession"/> does the work, the time strip's range (<see cref="PopulationSession.Range"/>) gives the windows.</summary>
public sealed partial class CompareTab : IDisposable
{
    /// <summary>The result shown (a new one re-renders the view).</summary>
    [Parameter, EditorRequired] public DetectionResult Result { get; set; } = null!;

    [Inject] public required CompareSession Compare { get; init; }

    [Inject] public required PopulationSession Population { get; init; }

    /// <summary>The range brushed on the time strip, if any.</summary>
    private TimeWindow? Range => Population.Range;

    protected override void OnInitialized()
    {
        Compare.Changed += OnChanged;
        Population.Changed += OnChanged;
    }

    private void OnChanged() => _ = InvokeAsync(StateHasChanged);

    private Task CompareAsync(InputFileChangeEventArgs e) =>
        Compare.CompareWithAsync(e.File.Name, e.File.Size, max => e.File.OpenReadStream(max));

    private void UseAsBaseline()
    {
        if (Range is { } range)
        {
            Compare.UseAsBaseline(range);
        }
    }

    private void UseAsIncident()
    {
        if (Range is { } range)
        {
            Compare.UseAsIncident(range);
        }
    }

    private static string Side(TimeWindow? window) => window?.ToString() ?? "the rest of the file";

    public void Dispose()
    {
        Compare.Changed -= OnChanged;
        Population.Changed -= OnChanged;
    }
}
