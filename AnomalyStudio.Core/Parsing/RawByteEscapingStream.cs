using System.Text;
using System.Text.Unicode;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Passes UTF-8 text through and writes each byte that is not part of a valid UTF-8 character as the four characters
/// <c>\xNN</c> (lower-case hex, as Apache escapes such bytes in its own logs), so a line with raw bytes (an attack's
/// shellcode, a stray byte of another encoding) stays a line of text whose bytes can still be read, instead of
/// becoming U+FFFD or refusing the file. The first such byte's line is reported once. Reads are checked with the
/// vectorised <see cref="Utf8.IsValid(ReadOnlySpan{byte})"/> and passed on as they are when valid; a character cut by
/// the end of a read is held back and judged with the next.
/// </summary>
public sealed class RawByteEscapingStream : ReadOnlyForwardStream
{
    private const int ChunkBytes = 64 * 1024;

    private readonly Stream _inner;
    private readonly bool _ownsInner;
    private readonly Action<long> _firstRawLine;
    private readonly byte[] _in = new byte[ChunkBytes];
    private byte[] _escaped = [];
    private byte[] _pending = [];
    private int _pendingStart;
    private int _pendingEnd;
    private int _carryAt;
    private int _carried;
    private long _linesBefore;
    private bool _reported;
    private bool _ended;

    /// <param name="inner">UTF-8 text, perhaps with raw bytes; disposed with this stream when <paramref name="ownsInner"/>.</param>
    /// <param name="firstRawLine">Called once, with the 1-based line of the first byte escaped.</param>
    public RawByteEscapingStream(Stream inner, bool ownsInner, Action<long> firstRawLine)
    {
        _inner = inner;
        _ownsInner = ownsInner;
        _firstRawLine = firstRawLine;
    }

    /// <summary>Writes <paramref name="b"/> as <c>\xNN</c>.</summary>
    public static void Escape(byte b, Span<byte> into)
    {
        into[0] = (byte)'\\';
        into[1] = (byte)'x';
        into[2] = (byte)"0123456789abcdef"[b >> 4];
        into[3] = (byte)"0123456789abcdef"[b & 0xF];
    }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_pendingStart == _pendingEnd)
        {
            if (_ended)
            {
                return 0;
            }

            Fill();
        }

        var n = Math.Min(buffer.Length, _pendingEnd - _pendingStart);
        _pending.AsSpan(_pendingStart, n).CopyTo(buffer);
        _pendingStart += n;
        return n;
    }

    private void Fill()
    {
        // The character the last chunk ended in the middle of goes first.
        _in.AsSpan(_carryAt, _carried).CopyTo(_in);
        var read = _inner.Read(_in.AsSpan(_carried));
        var final = read == 0;
        var length = _carried + read;
        _ended = final;
        var cut = final ? 0 : UnfinishedCharacterLength(_in.AsSpan(0, length));
        var whole = _in.AsSpan(0, length - cut);
        _carryAt = whole.Length;
        _carried = cut;
        if (Utf8.IsValid(whole))
        {
            if (!_reported)
            {
                _linesBefore += whole.Count((byte)'\n');
            }

            SetPending(_in, whole.Length);
            return;
        }

        var escaped = EscapeInto(whole); // first: it may grow the buffer
        SetPending(_escaped, escaped);
    }

    private void SetPending(byte[] from, int length)
    {
        _pending = from;
        _pendingStart = 0;
        _pendingEnd = length;
    }

    /// <summary>Copies <paramref name="bytes"/> to <see cref="_escaped"/>, each byte of an invalid sequence as <c>\xNN</c>; returns the length written.</summary>
    private int EscapeInto(ReadOnlySpan<byte> bytes)
    {
        if (_escaped.Length < bytes.Length * 4)
        {
            _escaped = new byte[bytes.Length * 4];
        }

        var written = 0;
        var at = 0;
        while (at < bytes.Length)
        {
            // ASCII runs are copied whole; characters beyond it are decoded one by one.
            var ascii = bytes[at..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            var run = ascii < 0 ? bytes.Length - at : ascii;
            bytes.Slice(at, run).CopyTo(_escaped.AsSpan(written));
            written += run;
            at += run;
            if (at == bytes.Length)
            {
                break;
            }

            var status = Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                bytes.Slice(at, consumed).CopyTo(_escaped.AsSpan(written));
                written += consumed;
            }
            else
            {
                Report(_linesBefore + bytes[..at].Count((byte)'\n') + 1);
                for (var i = 0; i < consumed; i++)
                {
                    Escape(bytes[at + i], _escaped.AsSpan(written));
                    written += 4;
                }
            }

            at += consumed;
        }

        if (!_reported)
        {
            _linesBefore += bytes.Count((byte)'\n');
        }

        return written;
    }

    private void Report(long line)
    {
        if (!_reported)
        {
            _reported = true;
            _firstRawLine(line);
        }
    }

    /// <summary>How many bytes at the end start a character that may continue past them (0 to 3).</summary>
    private static int UnfinishedCharacterLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // a continuation byte: the lead is further back
            }

            var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return length > back ? back : 0;
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsInner)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
