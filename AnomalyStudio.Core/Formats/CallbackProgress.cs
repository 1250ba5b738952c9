namespace AnomalyStudio.Core.Formats;

/// <summary>
/// Progress that reports on the caller's thread. <see cref="Progress{T}"/> posts to the thread pool, which can
/// deliver a stage's last report after the next stage's first; the UI marshals reports itself.
/// </summary>
internal sealed class CallbackProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
