namespace AnomalyStudio.App.State;

/// <summary>
/// Calls back when a session has been idle for the timeout: a timer checks a few times per timeout whether the last
/// activity is old enough. The callback runs on a timer thread; the session it calls synchronises with the circuit.
/// </summary>
public sealed class IdleRelease : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private long _lastActivityTicks;

    public IdleRelease(TimeProvider time, TimeSpan timeout, Action<TimeSpan> whenIdle)
    {
        _time = time;
        Timeout = timeout;
        Touch();
        var check = TimeSpan.FromSeconds(Math.Clamp(timeout.TotalSeconds / 4.0, 1, 60));
        _timer = time.CreateTimer(_ =>
        {
            if (IsIdle)
            {
                whenIdle(timeout);
            }
        }, null, check, check);
    }

    public TimeSpan Timeout { get; }

    /// <summary>Whether the last activity is at least <see cref="Timeout"/> ago.</summary>
    public bool IsIdle => _time.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastActivityTicks) >= Timeout.Ticks;

    /// <summary>Records activity now.</summary>
    public void Touch() => Interlocked.Exchange(ref _lastActivityTicks, _time.GetUtcNow().UtcTicks);

    public void Dispose() => _timer.Dispose();
}
