namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// The common ground of the project's wrapping streams (replay of a sniffed head, gzip, push-back, upload limit):
/// read-only, forward-only, no length or position. A subclass supplies <see cref="Read(Span{byte})"/>; the array
/// overload reads through it.
/// </summary>
public abstract class ReadOnlyForwardStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public abstract override int Read(Span<byte> buffer);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
