namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// A read-only stream that first returns bytes already read from another stream (the sniffed head) and then
/// the rest of that stream, so format detection can look ahead without buffering the whole input.
/// </summary>
/// <param name="ownsRest">Dispose <paramref name="rest"/> with this stream: true when it is a decoder made for this input, false for the caller's stream.</param>
public sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream rest, bool ownsRest = false) : ReadOnlyForwardStream
{
    private int _headPosition;

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

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsRest)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
