using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AnomalyStudio.App.State;

/// <summary>
/// The dashboard's upload tickets: each circuit's <see cref="AnalysisSession"/> holds one unguessable ticket, and the
/// page's script posts a dropped file to <c>/dashboard/upload/{ticket}</c> over plain HTTP, which streams it straight
/// into that session instead of through the circuit's SignalR connection (a 95 MB file took seconds there). Only the
/// page that rendered the ticket knows it; it dies with its session.
/// </summary>
public sealed class DashboardUploads
{
    private readonly ConcurrentDictionary<string, AnalysisSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>A fresh ticket for <paramref name="session"/>.</summary>
    public string Register(AnalysisSession session)
    {
        var ticket = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        _sessions[ticket] = session;
        return ticket;
    }

    public void Unregister(string ticket) => _sessions.TryRemove(ticket, out _);

    /// <summary>The session a ticket was given to, while it lives.</summary>
    public AnalysisSession? Find(string? ticket) =>
        ticket is not null && _sessions.TryGetValue(ticket, out var session) ? session : null;

    /// <summary>Sessions holding a ticket now (for tests and diagnostics).</summary>
    public int Count => _sessions.Count;
}
