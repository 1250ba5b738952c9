using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace AnomalyStudio.App.Api.Sessions;

/// <summary>
/// One caller's server-side session: its latest detection and when it was last used. Once released (idle too
/// long, or cleared) it holds nothing and accepts nothing, so a request that still has it in hand cannot bring
/// its result back to life.
/// </summary>
public sealed class ApiSession
{
    private readonly Lock _gate = new();
    private ApiSessionState? _state;
    private ApiSessionDescription? _description;
    private long _stateVersion;
    private DateTimeOffset _lastUsed;
    private bool _released;

    internal ApiSession(string id, DateTimeOffset now)
    {
        Id = id;
        _lastUsed = now;

        // The id is the cookie's secret, and the cookie is HttpOnly so page scripts cannot read it; echoing it in a
        // JSON body would undo that. Callers see a one-way digest instead: stable for the session, useless as a key.
        PublicId = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(id)).AsSpan(0, 12));
    }

    /// <summary>The secret key: the cookie's value. Never shown in a response body.</summary>
    public string Id { get; }

    /// <summary>A non-secret handle for the session (16 base64url characters derived one way from <see cref="Id"/>).</summary>
    public string PublicId { get; }

    /// <summary>The latest detection, or null before the first upload and after release.</summary>
    public ApiSessionState? State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>
    /// What the session holds as its store knows it (file, model, version), or null before the first upload. In one
    /// process it describes <see cref="State"/>; with a shared store it may be newer than the result this server holds.
    /// </summary>
    public ApiSessionDescription? Description
    {
        get
        {
            lock (_gate)
            {
                return _description;
            }
        }
    }

    /// <summary>The version of the result <see cref="State"/> holds (0 for none); a store compares it with <see cref="Description"/>'s.</summary>
    internal long StateVersion
    {
        get
        {
            lock (_gate)
            {
                return _stateVersion;
            }
        }
    }

    public bool IsReleased
    {
        get
        {
            lock (_gate)
            {
                return _released;
            }
        }
    }

    /// <summary>Marks the session used now, or releases it (and answers false) when it has been idle longer than <paramref name="idleTimeout"/>.</summary>
    internal bool TryTouch(DateTimeOffset now, TimeSpan idleTimeout)
    {
        lock (_gate)
        {
            if (!_released && now - _lastUsed > idleTimeout)
            {
                ReleaseLocked();
            }

            if (_released)
            {
                return false;
            }

            _lastUsed = now;
            return true;
        }
    }

    /// <summary>Releases the session when it has been idle longer than <paramref name="idleTimeout"/>; true when it is released.</summary>
    internal bool TryExpire(DateTimeOffset now, TimeSpan idleTimeout)
    {
        lock (_gate)
        {
            if (!_released && now - _lastUsed > idleTimeout)
            {
                ReleaseLocked();
            }

            return _released;
        }
    }

    /// <summary>
    /// Replaces the previous detection with <paramref name="state"/> as version <paramref name="version"/> (the next one
    /// when null); false when the session was released meanwhile.
    /// </summary>
    internal bool TryReplace(ApiSessionState state, DateTimeOffset now, long? version = null)
    {
        lock (_gate)
        {
            if (_released)
            {
                return false;
            }

            _state?.Memory?.Dispose();
            _state = state;
            _stateVersion = version ?? _stateVersion + 1;
            _description = new ApiSessionDescription(state.FileName, state.Model, _stateVersion);
            _lastUsed = now;
            return true;
        }
    }

    /// <summary>
    /// Records what the shared store says the session holds; a result of another version is dropped. A description
    /// older than the result held (read just before this server stored a new one) is ignored.
    /// </summary>
    internal void Describe(ApiSessionDescription? description)
    {
        lock (_gate)
        {
            if (_released || (description is not null && description.Version < _stateVersion))
            {
                return;
            }

            _description = description;
            if (description is null || description.Version != _stateVersion)
            {
                _state?.Memory?.Dispose();
                _state = null;
                _stateVersion = 0;
            }
        }
    }

    internal void Release()
    {
        lock (_gate)
        {
            ReleaseLocked();
        }
    }

    private void ReleaseLocked()
    {
        _released = true;
        _state?.Memory?.Dispose();
        _state = null;
        _description = null; // drop the result now, even if someone still holds this session object
    }
}
