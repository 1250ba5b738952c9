namespace AnomalyStudio.App.Scaling;

/// <summary>
/// Records which server holds a dashboard tab's results, so that when the tab comes back on another server (its own
/// stopped, and the proxy sent the reconnecting page elsewhere) the page can say plainly what was lost. Results stay in
/// the circuit that computed them: they are far over what circuit-state persistence keeps, and a killed server saves nothing.
/// </summary>
public interface ITabLedger
{
    /// <summary>Whether there are other servers to come back on; without them a page need not name its tab at all.</summary>
    bool IsShared { get; }

    /// <summary>The tab's results are now <paramref name="fileName"/>'s, held by this server.</summary>
    Task RememberAsync(string tabId, string fileName, long records);

    /// <summary>The tab holds no results any more.</summary>
    Task ForgetAsync(string tabId);

    /// <summary>
    /// What to tell a tab whose results another server (or an earlier run of this one) held, which this page cannot
    /// reach now; null when there is nothing to say. The record is dropped, so it is said once.
    /// </summary>
    Task<string?> TakeLostAsync(string tabId);
}

/// <summary>One server: a tab's results live and die with its circuit, as they always have; there is no other server to come back on.</summary>
public sealed class LocalTabLedger : ITabLedger
{
    public static LocalTabLedger Instance { get; } = new();

    public bool IsShared => false;

    public Task RememberAsync(string tabId, string fileName, long records) => Task.CompletedTask;

    public Task ForgetAsync(string tabId) => Task.CompletedTask;

    public Task<string?> TakeLostAsync(string tabId) => Task.FromResult<string?>(null);
}
