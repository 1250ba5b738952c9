using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using AnomalyStudio.App.Configuration;
using Microsoft.Extensions.Options;

namespace AnomalyStudio.App.Api.Sessions;

/// <summary>
/// The cookie sessions of the reference-design endpoints (<c>POST /detect</c>, <c>GET /api/session</c>,
/// <c>POST /clear-session</c>), held in memory and keyed by an unguessable id (32 random bytes, 43 base64url
/// characters). A session idle longer than <see cref="AnomalyStudioOptions.SessionIdleTimeoutSeconds"/> is
/// released when it is next asked for and by <see cref="ApiSessionSweeper"/>; the clock is a
/// <see cref="TimeProvider"/> so tests can move time. At most <see cref="AnomalyStudioOptions.MaxApiSessions"/>
/// are held: each may keep a detection in memory, and anyone can start one by sending a file.
/// </summary>
public sealed class ApiSessionStore(IOptions<AnomalyStudioOptions> options, TimeProvider clock) : IApiSessionStore
{
    private readonly ConcurrentDictionary<string, ApiSession> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _creating = new();

    public TimeSpan IdleTimeout => TimeSpan.FromSeconds(options.Value.SessionIdleTimeoutSeconds);

    /// <summary>Sessions currently held (released ones excluded once removed).</summary>
    public int Count => _sessions.Count;

    /// <summary>The most sessions held at once.</summary>
    public int Capacity => options.Value.MaxApiSessions;

    /// <summary>
    /// True when a new session can be created now, releasing idle sessions first if that is what it takes; a caller
    /// without a session can then be turned away before its file is scored.
    /// </summary>
    public bool HasRoom() => _sessions.Count < Capacity || (Sweep() > 0 && _sessions.Count < Capacity);

    /// <summary>A new, empty session; false when <see cref="Capacity"/> sessions are held even after releasing idle ones.</summary>
    public bool TryCreate([NotNullWhen(true)] out ApiSession? session)
    {
        // One creation at a time, so concurrent callers cannot together overshoot the cap between check and add.
        lock (_creating)
        {
            if (!HasRoom())
            {
                session = null;
                return false;
            }

            while (true)
            {
                session = new ApiSession(NewId(), clock.GetUtcNow());
                if (_sessions.TryAdd(session.Id, session))
                {
                    return true;
                }
            }
        }
    }

    /// <summary>The live session with this id, marked used now; false for unknown, released or idle-expired ids.</summary>
    public bool TryGet(string? id, [NotNullWhen(true)] out ApiSession? session)
    {
        session = null;
        if (string.IsNullOrEmpty(id) || !_sessions.TryGetValue(id, out var found))
        {
            return false;
        }

        if (!found.TryTouch(clock.GetUtcNow(), IdleTimeout))
        {
            _sessions.TryRemove(new KeyValuePair<string, ApiSession>(id, found));
            return false;
        }

        session = found;
        return true;
    }

    /// <summary>Replaces the session's previous detection; false when it was released meanwhile.</summary>
    public bool TryStore(ApiSession session, ApiSessionState state) => session.TryReplace(state, clock.GetUtcNow());

    /// <summary>Releases the session now (the caller cleared it).</summary>
    public void Remove(string id)
    {
        if (_sessions.TryRemove(id, out var session))
        {
            session.Release();
        }
    }

    /// <summary>Releases every session idle longer than the timeout; returns how many.</summary>
    public int Sweep()
    {
        var now = clock.GetUtcNow();
        var released = 0;
        foreach (var entry in _sessions)
        {
            if (entry.Value.TryExpire(now, IdleTimeout) && _sessions.TryRemove(entry))
            {
                released++;
            }
        }

        return released;
    }

    Task<bool> IApiSessionStore.HasRoomAsync(CancellationToken cancellationToken) => Task.FromResult(HasRoom());

    Task<ApiSession?> IApiSessionStore.CreateAsync(CancellationToken cancellationToken) =>
        Task.FromResult(TryCreate(out var session) ? session : null);

    Task<ApiSession?> IApiSessionStore.FindAsync(string? id, CancellationToken cancellationToken) =>
        Task.FromResult(TryGet(id, out var session) ? session : null);

    /// <summary>The input is not kept: the result stays in this process, and no other server asks for it.</summary>
    Task<bool> IApiSessionStore.StoreAsync(ApiSession session, ApiSessionState state, Func<Stream> input, CancellationToken cancellationToken) =>
        Task.FromResult(TryStore(session, state));

    Task<ApiSessionResult> IApiSessionStore.LoadResultAsync(ApiSession session, CancellationToken cancellationToken) =>
        Task.FromResult(session.State is { } state ? new ApiSessionResult(state.Result) : ApiSessionResult.None);

    Task IApiSessionStore.RemoveAsync(string id, CancellationToken cancellationToken)
    {
        Remove(id);
        return Task.CompletedTask;
    }

    Task<int> IApiSessionStore.SweepAsync(CancellationToken cancellationToken) => Task.FromResult(Sweep());

    /// <summary>32 bytes from the operating system's CSPRNG: 256 bits, far beyond guessing.</summary>
    internal static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
