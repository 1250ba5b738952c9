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
    private readonly RunAnnouncer _announcer = new();
    private ElementReference _resultsTitle;
    private ElementReference _errorBox;
    private bool _sawRun;
    private object? _resultBeforeRun;
    private string? _errorSeen;
    private bool _focusPending;

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
        await MoveFocusAfterRunAsync();
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

    private void OnSessionChanged() => _ = InvokeAsync(() =>
    {
        NoteRunOutcome();
        StateHasChanged();
    });

    /// <summary>
    /// A run that has ended with new results, or anything that ended in a new error, takes focus to what it produced,
    /// once. An upload finishing before its scoring starts, or the flag moved by hand, does not.
    /// </summary>
    private void NoteRunOutcome()
    {
        if (Session.IsRunning)
        {
            if (!_sawRun)
            {
                _sawRun = true;
                _resultBeforeRun = Session.Result;
            }
        }
        else if ((Session.Error is { } error && error != _errorSeen) || (_sawRun && !ReferenceEquals(Session.Result, _resultBeforeRun)))
        {
            _sawRun = false;
            _focusPending = true;
        }

        _errorSeen = Session.Error;
    }

    /// <summary>After a run: focus on the error when it failed, else on the results' heading, so a keyboard or screen reader user lands there.</summary>
    private async Task MoveFocusAfterRunAsync()
    {
        if (!_focusPending || !RendererInfo.IsInteractive)
        {
            return;
        }

        _focusPending = false;
        try
        {
            await (Session.Error is not null ? _errorBox : _resultsTitle).FocusAsync();
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            // The page went away, or the element is not rendered: nothing to focus.
        }
    }

    private Task UploadAsync(IBrowserFile file) =>
        Session.UploadAndRunAsync(file.Name, file.Size, max => file.OpenReadStream(max));

    private Task ImportRulesAsync(IBrowserFile file) =>
        Session.ImportRulesAsync(file.Name, file.Size, max => file.OpenReadStream(max));

    /// <summary>Downloads the session's rules as the JSON file --rules and the API read.</summary>
    private async Task ExportRulesAsync()
    {
        using var buffer = new MemoryStream(Session.ExportRules());
        await Js.DownloadAsync("anomalystudio.rules.json", buffer);
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
