using AnomalyStudio.App.Components.Controls;
using AnomalyStudio.App.State;
using AnomalyStudio.Core.Models;
using AnomalyStudio.Core.Pipeline;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace AnomalyStudio.App.Components.Pages;

/// <summary>The dashboard: renders the circuit's <see cref="AnalysisSession"/> and forwards the analyst's actions to it.</summary>
public sealed partial class Home
{
    private IReadOnlyList<ModelInfo> _models = [];

    [Inject] public required AnalysisSession Session { get; init; }

    [Inject] public required IJSRuntime Js { get; init; }

    [Inject] public required PopulationSession Population { get; init; }

    [Inject] public required TabHandoff Handoff { get; init; }

    protected override void OnInitialized()
    {
        _models = Session.Models;
        Session.Changed += OnSessionChanged;
        Population.Changed += OnSessionChanged;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive && Handoff.NeedsTabId)
        {
            // Whether this tab's results were lost with another server, and from now on which server holds them.
            try
            {
                await Handoff.AttachAsync(await Js.InvokeAsync<string?>("anomalyStudio.tabId"));
            }
            catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
            {
                return; // no tab id (the page went away, or a script blocked it): the ledger is only for wording a loss
            }

            if (Handoff.LostNotice is not null)
            {
                StateHasChanged();
            }
        }
    }

    private void OnSessionChanged() => _ = InvokeAsync(StateHasChanged);

    private Task UploadAsync(IBrowserFile file) =>
        Session.UploadAndRunAsync(file.Name, file.Size, max => file.OpenReadStream(max));

    private Task ImportRulesAsync(IBrowserFile file) =>
        Session.ImportRulesAsync(file.Name, file.Size, max => file.OpenReadStream(max));

    /// <summary>Downloads the session's rules as the JSON file --rules and the API read.</summary>
    private async Task ExportRulesAsync()
    {
        using var buffer = new MemoryStream(Session.ExportRules());
        using var stream = new DotNetStreamReference(buffer, leaveOpen: true);
        await Js.InvokeVoidAsync("anomalyStudio.download", "anomalystudio.rules.json", stream);
    }

    /// <summary>Each registered view's tab, labelled from the circuit's state.</summary>
    private List<ViewTab> Tabs(DetectionResult result) =>
        [.. Population.Views.Select(v => new ViewTab(v.Tab, v.Label(Population, result), v.AvailableIn(Population)))];

    /// <summary>What every view component is given: the result shown.</summary>
    private static Dictionary<string, object?> ViewParameters(DetectionResult result) => new() { ["Result"] = result };

    public void Dispose()
    {
        Session.Changed -= OnSessionChanged;
        Population.Changed -= OnSessionChanged;
    }
}
