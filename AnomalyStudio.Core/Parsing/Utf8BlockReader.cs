using System.Buffers;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Cuts a stream into blocks of whole lines (about 1 MB each) so that several threads can parse a file at
/// once while it is read only once and never held whole. A line longer than the limit becomes a block of
/// its own marked <see cref="LineBlock.TooLong"/>, its bytes skipped.
/// </summary>
public sealed class Utf8BlockReader(Stream stream, int maxLineBytes, int blockBytes = 1 << 20)
{
    private readonly int _capacity = Math.Max(blockBytes, maxLineBytes + 1);
    private byte[] _carry = [];
    private int _carryLength;
    private bool _eof;
    private long _nextLine = 1;
    private int _index;

    /// <summary>Bytes read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Lines handed out so far.</summary>
    public long Lines => _nextLine - 1;

    /// <summary>The blocks in order; each rents its buffer, which <see cref="LineBlock.Dispose"/> returns.</summary>
    public IEnumerable<LineBlock> Blocks()
    {
        while (true)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(_capacity);
            Buffer.BlockCopy(_carry, 0, buffer, 0, _carryLength);
            var length = _carryLength;
            _carryLength = 0;
            while (!_eof && length < _capacity)
            {
                var read = stream.Read(buffer, length, _capacity - length);
                if (read == 0)
                {
                    _eof = true;
                }

                length += read;
                BytesRead += read;
            }

            if (length == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                yield break;
            }

            var end = _eof ? length : buffer.AsSpan(0, length).LastIndexOf((byte)'\n') + 1;
            if (end == 0)
            {
                // No line end in a full buffer: one line longer than the limit.
                ArrayPool<byte>.Shared.Return(buffer);
                SkipRestOfLine();
                yield return new LineBlock(_index++, [], 0, _nextLine++, 1, TooLong: true);
                continue;
            }

            SaveCarry(buffer, end, length - end);
            var lines = buffer.AsSpan(0, end).Count((byte)'\n') + (end > 0 && buffer[end - 1] != (byte)'\n' ? 1 : 0);
            yield return new LineBlock(_index++, buffer, end, _nextLine, lines, TooLong: false);
            _nextLine += lines;
        }
    }

    private void SaveCarry(byte[] buffer, int start, int count)
    {
        if (_carry.Length < count)
        {
            _carry = new byte[Math.Max(count, _capacity)];
        }

        Buffer.BlockCopy(buffer, start, _carry, 0, count);
        _carryLength = count;
    }

    private void SkipRestOfLine()
    {
        var scratch = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            while (true)
            {
                var read = stream.Read(scratch, 0, scratch.Length);
                if (read == 0)
                {
                    _eof = true;
                    return;
                }

                BytesRead += read;
                var newline = scratch.AsSpan(0, read).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    SaveCarry(scratch, newline + 1, read - newline - 1);
                    return;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}

/// <summary>Whole lines of a stream: <see cref="Length"/> bytes of <see cref="Buffer"/>, starting at line <see cref="FirstLine"/>.</summary>
public sealed record LineBlock(int Index, byte[] Buffer, int Length, long FirstLine, int LineCount, bool TooLong) : IDisposable
{
    public ReadOnlySpan<byte> Bytes => Buffer.AsSpan(0, Length);

    /// <summary>Cuts the next line (without its '\n' or "\r\n") off the front of <paramref name="rest"/>.</summary>
    public static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> rest)
    {
        var newline = rest.IndexOf((byte)'\n');
        var line = newline < 0 ? rest : rest[..newline];
        rest = newline < 0 ? default : rest[(newline + 1)..];
        return line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
    }

    public void Dispose()
    {
        if (Buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
