using StackExchange.Redis;

namespace AnomalyStudio.App.Scaling;

/// <summary>
/// Whether the servers' shared store (Redis) can be reached now, and an event when that changes, for the dashboard's
/// banner. With one server (no Redis) it is never down.
/// </summary>
public sealed class SharedStoreStatus
{
    private volatile bool _down;

    public bool IsDown => _down;

    /// <summary>Raised on the client's thread when the store goes down or comes back.</summary>
    public event Action? Changed;

    /// <summary>Follows <paramref name="connection"/>: down from its lost connection until it is connected again.</summary>
    public void Watch(IConnectionMultiplexer connection)
    {
        connection.ConnectionFailed += (_, _) => Set(!connection.IsConnected);
        connection.ConnectionRestored += (_, _) => Set(!connection.IsConnected);
        Set(!connection.IsConnected);
    }

    /// <summary>Marks the store down or up (the connection's events call it; tests too).</summary>
    public void Set(bool down)
    {
        if (_down == down)
        {
            return;
        }

        _down = down;
        Changed?.Invoke();
    }
}
