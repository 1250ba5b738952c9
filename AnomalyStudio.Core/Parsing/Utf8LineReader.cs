using System.Buffers;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Reads a stream line by line as UTF-8 bytes through one reusable buffer, so a large file is never held
/// in memory or decoded to strings as a whole. A returned line is valid until the next call.
/// </summary>
public sealed class Utf8LineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public Utf8LineReader(Stream stream, int maxLineBytes, int bufferBytes = 1 << 20)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bufferBytes, maxLineBytes + 2));
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes consumed from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>
    /// Reads the next line without its line ending. Returns false at the end of the stream.
    /// <paramref name="tooLong"/> is true (and <paramref name="line"/> empty) when the line exceeded the limit;
    /// its bytes are skipped.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        tooLong = false;
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                LineNumber++;
                line = TrimCarriageReturn(pending[..newline]);
                _start += newline + 1;
                return true;
            }

            if (_eof)
            {
                if (pending.IsEmpty)
                {
                    line = default;
                    return false;
                }

                LineNumber++;
                line = TrimCarriageReturn(pending);
                _start = _end;
                return true;
            }

            if (pending.Length > _maxLineBytes)
            {
                LineNumber++;
                SkipRestOfLine();
                tooLong = true;
                line = default;
                return true;
            }

            Fill();
        }
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
        BytesRead += read;
    }

    private void SkipRestOfLine()
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start += newline + 1;
                return;
            }

            _start = _end = 0;
            if (_eof)
            {
                return;
            }

            Fill();
        }
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
