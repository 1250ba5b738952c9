namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// A read-only stream that first returns bytes already read from another stream (the sniffed head) and then
/// the rest of that stream, so format detection can look ahead without buffering the whole input.
/// </summary>
/// <param name="ownsRest">Dispose <paramref name="rest"/> with this stream: true when it is a decoder made for this input, false for the caller's stream.</param>
public sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream rest, bool ownsRest = false) : Stream
{
    private int _headPosition;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_headPosition < head.Length)
        {
            var n = Math.Min(buffer.Length, head.Length - _headPosition);
            head.Span.Slice(_headPosition, n).CopyTo(buffer);
            _headPosition += n;
            return n;
        }

        return rest.Read(buffer);
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsRest)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
