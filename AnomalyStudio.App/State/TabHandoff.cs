using System.Text.RegularExpressions;
using AnomalyStudio.App.Scaling;

namespace AnomalyStudio.App.State;

/// <summary>
/// The circuit's side of the <see cref="ITabLedger"/>: once the page knows its tab's id (kept in the browser's
/// sessionStorage, so it survives a reload), it learns whether results of this tab were lost with another server, and
/// from then on keeps the ledger up to date as the session's results come and go.
/// </summary>
public sealed partial class TabHandoff(AnalysisSession session, ITabLedger ledger, ILogger<TabHandoff>? logger = null) : IDisposable
{
    private string? _tabId;
    private SessionResult? _recorded;

    /// <summary>Whether the page should name its tab (<see cref="AttachAsync"/>): only when servers share a ledger.</summary>
    public bool NeedsTabId => ledger.IsShared;

    /// <summary>What was lost with another server, shown once on the page; null when nothing was.</summary>
    public string? LostNotice { get; private set; }

    /// <summary>Attaches the tab; an id that is not 32 hexadecimal digits (from a page script or a tampered tab) is ignored.</summary>
    public async Task AttachAsync(string? tabId)
    {
        if (_tabId is not null || tabId is null || !TabIdPattern().IsMatch(tabId))
        {
            return;
        }

        _tabId = tabId;
        try
        {
            LostNotice = await ledger.TakeLostAsync(tabId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger?.LogWarning("Could not read the tab ledger: {Message}", ex.Message);
        }

        session.Changed += OnChanged;
        if (session.Current is null)
        {
            // A new circuit holds nothing yet, whatever an earlier circuit of this tab on this server recorded.
            await RecordAsync(tabId, null);
        }

        OnChanged();
    }

    public void DismissLost() => LostNotice = null;

    private void OnChanged()
    {
        var current = session.Current;
        if (current is not null)
        {
            LostNotice = null; // the tab has results again: what was lost is old news
        }

        if (_tabId is not { } tabId || ReferenceEquals(current, Interlocked.Exchange(ref _recorded, current)))
        {
            return;
        }

        _ = RecordAsync(tabId, current);
    }

    private async Task RecordAsync(string tabId, SessionResult? current)
    {
        try
        {
            if (current is null)
            {
                await ledger.ForgetAsync(tabId);
            }
            else
            {
                await ledger.RememberAsync(tabId, current.FileName, current.Result.Summary.Total);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The ledger only words a loss; the results themselves are unaffected.
            logger?.LogWarning("Could not update the tab ledger: {Message}", ex.Message);
        }
    }

    public void Dispose() => session.Changed -= OnChanged;

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TabIdPattern();
}
