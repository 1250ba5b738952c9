namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// A read-only stream over another that can take bytes back (<see cref="Unread"/>) and remembers the last chunk
/// it handed out. The gzip reader needs both: a deflate decoder reads past the end of its member, and the bytes
/// it over-read (the member's trailer and the next member) must be found in that chunk and read again.
/// </summary>
public sealed class PushbackStream(Stream inner) : ReadOnlyForwardStream
{
    private byte[] _pushedBack = [];
    private int _pushedBackStart;
    private byte[] _last = new byte[1 << 16];
    private int _lastLength;

    /// <summary>Bytes of the inner stream consumed so far, less those pushed back: where the reader is in the file.</summary>
    public long Consumed { get; private set; }

    /// <summary>True when the last read asked for bytes and found the end of the stream.</summary>
    public bool LastReadWasEnd { get; private set; }

    /// <summary>The bytes the last <see cref="Read(Span{byte})"/> returned.</summary>
    public ReadOnlySpan<byte> LastRead => _last.AsSpan(0, _lastLength);

    public override int Read(Span<byte> buffer)
    {
        int read;
        if (_pushedBackStart < _pushedBack.Length)
        {
            read = Math.Min(buffer.Length, _pushedBack.Length - _pushedBackStart);
            _pushedBack.AsSpan(_pushedBackStart, read).CopyTo(buffer);
            _pushedBackStart += read;
        }
        else
        {
            read = inner.Read(buffer);
        }

        Consumed += read;
        LastReadWasEnd = read == 0 && !buffer.IsEmpty;
        if (_last.Length < read)
        {
            _last = new byte[read];
        }

        buffer[..read].CopyTo(_last);
        _lastLength = read;
        return read;
    }

    /// <summary>Puts bytes back in front of the stream; the next reads return them first.</summary>
    public void Unread(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        _pushedBack = [.. bytes, .. _pushedBack.AsSpan(_pushedBackStart)];
        _pushedBackStart = 0;
        Consumed -= bytes.Length;
        _lastLength = 0;
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
