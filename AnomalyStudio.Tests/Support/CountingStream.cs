using AnomalyStudio.Core.Parsing;

namespace AnomalyStudio.Tests.Support;

/// <summary>A read-only stream over another that counts the bytes read from it: how far a reader got before it stopped.</summary>
public sealed class CountingStream(Stream inner) : ReadOnlyForwardStream
{
    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        BytesRead += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
