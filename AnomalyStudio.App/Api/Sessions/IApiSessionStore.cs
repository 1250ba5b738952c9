namespace AnomalyStudio.App.Api.Sessions;

/// <summary>
/// Where the cookie sessions of <c>POST /detect</c>, <c>GET /api/session</c> and <c>POST /clear-session</c> live: in this
/// process (<see cref="ApiSessionStore"/>, the default) or in Redis, shared by every server behind a proxy
/// (<see cref="RedisApiSessionStore"/>). Either way a session is keyed by its unguessable cookie value, released after
/// <see cref="IdleTimeout"/> without use, and at most <see cref="Capacity"/> are held.
/// </summary>
public interface IApiSessionStore
{
    TimeSpan IdleTimeout { get; }

    /// <summary>The most sessions held at once (over all servers, with a shared store).</summary>
    int Capacity { get; }

    /// <summary>True when a new session can be created now, releasing idle sessions first if that is what it takes.</summary>
    Task<bool> HasRoomAsync(CancellationToken cancellationToken);

    /// <summary>A new, empty session; null when <see cref="Capacity"/> sessions are held even after releasing idle ones.</summary>
    Task<ApiSession?> CreateAsync(CancellationToken cancellationToken);

    /// <summary>The live session with this id, marked used now, with its <see cref="ApiSession.Description"/> current; null for unknown, released or idle-expired ids.</summary>
    Task<ApiSession?> FindAsync(string? id, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the session's previous detection with <paramref name="state"/>, whose input <paramref name="input"/> opens
    /// (a shared store keeps it, compressed, so another server can score it again); false when the session was released meanwhile.
    /// </summary>
    Task<bool> StoreAsync(ApiSession session, ApiSessionState state, Func<Stream> input, CancellationToken cancellationToken);

    /// <summary>The session's latest result on this server: held already, or (with a shared store) scored again from its stored input.</summary>
    Task<ApiSessionResult> LoadResultAsync(ApiSession session, CancellationToken cancellationToken);

    /// <summary>Releases the session now (the caller cleared it), on every server.</summary>
    Task RemoveAsync(string id, CancellationToken cancellationToken);

    /// <summary>Releases what idle sessions hold on this server; returns how many were released.</summary>
    Task<int> SweepAsync(CancellationToken cancellationToken);
}
