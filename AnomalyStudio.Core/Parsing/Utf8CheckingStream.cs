using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Passes the rest of a UTF-8 input through unchanged while checking that it stays UTF-8, and reports the line of
/// the first byte that is not (the parsers read such bytes as U+FFFD). <see cref="InputDecoder"/> decides the encoding
/// from the file's head; this covers everything after it, so a bad byte deep in a large file is named, not silently
/// replaced. Each read is checked with the vectorised <see cref="Utf8.IsValid(ReadOnlySpan{byte})"/>; a character cut
/// by the end of a read is carried into the next. Once it has reported, it only passes bytes on.
/// </summary>
public sealed class Utf8CheckingStream : ReadOnlyForwardStream
{
    private readonly Stream _inner;
    private readonly bool _ownsInner;
    private readonly Action<long> _firstInvalidLine;
    private readonly byte[] _carry = new byte[4];
    private int _carried;
    private long _linesBefore;
    private bool _done;

    /// <param name="inner">The bytes that follow <paramref name="head"/>.</param>
    /// <param name="head">The bytes already read; a character they end in the middle of continues in <paramref name="inner"/>.</param>
    /// <param name="firstInvalidLine">Called once, with the 1-based line of the first invalid byte.</param>
    public Utf8CheckingStream(Stream inner, ReadOnlySpan<byte> head, bool ownsInner, Action<long> firstInvalidLine)
    {
        _inner = inner;
        _ownsInner = ownsInner;
        _firstInvalidLine = firstInvalidLine;
        Check(head, final: false);
    }

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        if (!_done)
        {
            Check(buffer[..read], final: read == 0);
        }

        return read;
    }

    private void Check(ReadOnlySpan<byte> bytes, bool final)
    {
        if (_carried > 0)
        {
            // Finish the character the previous read ended in the middle of.
            var taken = Math.Min(_carry.Length - _carried, bytes.Length);
            Span<byte> joined = stackalloc byte[_carried + taken];
            _carry.AsSpan(0, _carried).CopyTo(joined);
            bytes[..taken].CopyTo(joined[_carried..]);
            var status = Rune.DecodeFromUtf8(joined, out _, out var consumed);
            if (status == OperationStatus.NeedMoreData && !final)
            {
                bytes.CopyTo(_carry.AsSpan(_carried));
                _carried += bytes.Length;
                return;
            }

            if (status != OperationStatus.Done)
            {
                Report(_linesBefore + 1);
                return;
            }

            bytes = bytes[(consumed - _carried)..];
            _carried = 0;
        }

        var cut = final ? 0 : CutCharacterLength(bytes);
        var whole = bytes[..^cut];
        if (!Utf8.IsValid(whole))
        {
            Report(_linesBefore + whole[..FirstInvalid(whole)].Count((byte)'\n') + 1);
            return;
        }

        _linesBefore += whole.Count((byte)'\n');
        bytes[^cut..].CopyTo(_carry);
        _carried = cut;
    }

    private void Report(long line)
    {
        _done = true;
        _firstInvalidLine(line);
    }

    /// <summary>How many bytes at the end start a character that continues past them (0 to 3).</summary>
    private static int CutCharacterLength(ReadOnlySpan<byte> bytes)
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

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            return read;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
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
