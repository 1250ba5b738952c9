using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// The decompressed content of a gzip input (RFC 1952), every member of a multi-member file in turn, read as a
/// stream. Unlike <see cref="GZipStream"/>, which ends quietly where a truncated file ends, each member's trailer is
/// checked (CRC-32 and size), so a file cut short or corrupted is refused rather than half read. The decompressed
/// bytes are counted as they are produced and refused past a limit, or past <see cref="ParseLimits.ExpansionCheckedAfterBytes"/>
/// when they have expanded more than <see cref="ParseLimits.MaxExpansionRatio"/> times, so a decompression bomb is
/// stopped early and never fills memory. Every failure is an <see cref="InvalidInputException"/> with a message for the user.
/// </summary>
public sealed class GzipDecompressingStream : ReadOnlyForwardStream
{
    private const int HeaderBytes = 10;
    private const int TrailerBytes = 8;
    private const byte FlagHeaderCrc = 0x02;
    private const byte FlagExtra = 0x04;
    private const byte FlagName = 0x08;
    private const byte FlagComment = 0x10;

    private readonly PushbackStream _compressed;
    private readonly ParseLimits _limits;
    private readonly Crc32 _crc = new();
    private DeflateStream? _member;
    private int _members;
    private uint _memberBytes;
    private bool _ended;

    /// <param name="compressed">The gzip bytes, from the first; disposed with this stream.</param>
    /// <param name="limits">Its <see cref="ParseLimits.MaxDecompressedBytes"/>, <see cref="ParseLimits.ExpansionCheckedAfterBytes"/> and <see cref="ParseLimits.MaxExpansionRatio"/> bound the decompressed bytes.</param>
    public GzipDecompressingStream(Stream compressed, ParseLimits limits)
    {
        _compressed = new PushbackStream(compressed);
        _limits = limits;
    }

    /// <summary>Compressed bytes read so far (the decoder reads ahead a little).</summary>
    public long BytesCompressed => _compressed.Consumed;

    /// <summary>Decompressed bytes read so far.</summary>
    public long BytesDecompressed { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (!_ended)
        {
            if (_member is null && !StartMember())
            {
                _ended = true;
                break;
            }

            int read;
            try
            {
                read = _member!.Read(buffer);
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidInputException(
                    $"The gzip data is corrupt near byte {_compressed.Consumed:N0} of the file: it is not a valid deflate stream.", null, ex);
            }

            if (read > 0)
            {
                Count(buffer[..read]);
                return read;
            }

            EndMember();
        }

        return 0;
    }

    private void Count(ReadOnlySpan<byte> bytes)
    {
        BytesDecompressed += bytes.Length;
        if (BytesDecompressed > _limits.MaxDecompressedBytes)
        {
            throw new InvalidInputException(
                $"The gzip file decompresses to more than {Size(_limits.MaxDecompressedBytes)}, the most accepted (AnomalyStudio:MaxDecompressedBytes).");
        }

        if (BytesDecompressed > _limits.ExpansionCheckedAfterBytes && BytesDecompressed > _compressed.Consumed * (double)_limits.MaxExpansionRatio)
        {
            throw new InvalidInputException(
                $"The gzip file looks like a decompression bomb: its first {Size(_compressed.Consumed)} expanded to more than {Size(_limits.ExpansionCheckedAfterBytes)}, "
                + $"{BytesDecompressed / (double)Math.Max(1, _compressed.Consumed):N0} times; past {Size(_limits.ExpansionCheckedAfterBytes)} (AnomalyStudio:MaxUploadBytes) "
                + $"a gzip file may expand at most {_limits.MaxExpansionRatio:N0} times (AnomalyStudio:MaxExpansionRatio), and logs expand about 10.");
        }

        _crc.Append(bytes);
        _memberBytes = unchecked(_memberBytes + (uint)bytes.Length);
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 10 << 20 => $"{bytes / 1048576.0:N0} MB",
        >= 1 << 20 when bytes % (1 << 20) == 0 => $"{bytes / 1048576.0:N0} MB",
        >= 1 << 20 => $"{bytes / 1048576.0:N1} MB",
        _ => $"{bytes:N0} bytes",
    };

    /// <summary>Reads a member's header; false at the end of the file (or at trailing bytes that are not another member, which gzip also ignores).</summary>
    private bool StartMember()
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        var start = _compressed.Consumed;
        var read = _compressed.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (_members > 0 && (read < 2 || header[0] != 0x1F || header[1] != 0x8B))
        {
            return false;
        }

        if (read < HeaderBytes)
        {
            throw Truncated();
        }

        if (header[0] != 0x1F || header[1] != 0x8B || header[2] != 8)
        {
            throw new InvalidInputException($"The gzip data is corrupt: the member at byte {start + 1:N0} of the file does not have a gzip header for deflate data.");
        }

        var flags = header[3];
        if ((flags & FlagExtra) != 0)
        {
            Span<byte> length = stackalloc byte[2];
            if (_compressed.ReadAtLeast(length, length.Length, throwOnEndOfStream: false) < 2)
            {
                throw Truncated();
            }

            Skip(BinaryPrimitives.ReadUInt16LittleEndian(length));
        }

        if ((flags & FlagName) != 0)
        {
            SkipZeroTerminated();
        }

        if ((flags & FlagComment) != 0)
        {
            SkipZeroTerminated();
        }

        if ((flags & FlagHeaderCrc) != 0)
        {
            Skip(2);
        }

        _members++;
        _crc.Reset();
        _memberBytes = 0;
        _member = new DeflateStream(_compressed, CompressionMode.Decompress, leaveOpen: true);
        return true;
    }

    /// <summary>
    /// The deflate decoder has ended, either at the end of its member's data or because the file ended. The
    /// member's trailer (its CRC-32 and size) is searched for in the bytes the decoder was last given and what
    /// follows them: found, the rest is given back for the next member; not found, the file is truncated or corrupt.
    /// </summary>
    private void EndMember()
    {
        _member!.Dispose();
        _member = null;
        Span<byte> expected = stackalloc byte[TrailerBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(expected, _crc.GetCurrentHashAsUInt32());
        BinaryPrimitives.WriteUInt32LittleEndian(expected[4..], _memberBytes);

        // The decoder asked for more and the file had none: it stopped inside compressed data.
        if (_compressed.LastReadWasEnd)
        {
            throw Truncated();
        }

        var last = _compressed.LastRead.ToArray();
        var following = new byte[TrailerBytes];
        var followingLength = _compressed.ReadAtLeast(following, following.Length, throwOnEndOfStream: false);
        byte[] tail = [.. last, .. following.AsSpan(0, followingLength)];
        var at = tail.AsSpan().IndexOf(expected);
        if (at < 0)
        {
            // A trailer cut off and a trailer that does not match look the same from here: say both.
            throw new InvalidInputException(
                $"The gzip file is truncated or corrupt: member {_members} ends near byte {_compressed.Consumed:N0} of the file "
                + "without a valid trailer (its CRC-32 and size do not match the decompressed data).");
        }

        _compressed.Unread(tail.AsSpan(at + TrailerBytes));
    }

    private void Skip(int count)
    {
        Span<byte> one = stackalloc byte[1];
        for (var i = 0; i < count; i++)
        {
            if (_compressed.Read(one) == 0)
            {
                throw Truncated();
            }
        }
    }

    private void SkipZeroTerminated()
    {
        Span<byte> one = stackalloc byte[1];
        do
        {
            if (_compressed.Read(one) == 0)
            {
                throw Truncated();
            }
        }
        while (one[0] != 0);
    }

    private InvalidInputException Truncated() => new(
        $"The gzip file is truncated: it ends at byte {_compressed.Consumed:N0} in the middle of compressed data "
        + $"(after {BytesDecompressed:N0} decompressed bytes); it was probably cut short while copying.");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _member?.Dispose();
            _compressed.Dispose();
        }

        base.Dispose(disposing);
    }
}
