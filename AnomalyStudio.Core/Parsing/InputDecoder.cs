using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Turns the bytes of an upload into UTF-8 text for the parsers, or refuses them with a message that says what the
/// file looks like and where: gzip is decompressed (bounded by <see cref="ParseLimits.MaxDecompressedBytes"/> and, past
/// <see cref="ParseLimits.ExpansionCheckedAfterBytes"/>, by its expansion ratio),
/// UTF-16 and UTF-32 with a byte-order mark are transcoded, text that is not valid UTF-8 is read as Latin-1 (with a
/// note), and binary files (known signatures, NUL bytes, control characters) are refused. Streams throughout.
/// </summary>
public static class InputDecoder
{
    /// <summary>How much of the head is examined.</summary>
    public const int HeadBytes = 64 * 1024;

    // Text has almost no C0 control characters besides tab, line feed, form feed and carriage return.
    private const double MaxControlShare = 0.01;

    private static readonly (byte[] Bom, Encoding Encoding, string Name)[] Boms =
    [
        ([0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(bigEndian: false, byteOrderMark: false), "UTF-32 LE"),
        ([0x00, 0x00, 0xFE, 0xFF], new UTF32Encoding(bigEndian: true, byteOrderMark: false), "UTF-32 BE"),
        ([0xFF, 0xFE], new UnicodeEncoding(bigEndian: false, byteOrderMark: false), "UTF-16 LE"),
        ([0xFE, 0xFF], new UnicodeEncoding(bigEndian: true, byteOrderMark: false), "UTF-16 BE"),
    ];

    /// <param name="input">The raw upload; read from its current position, not disposed.</param>
    public static DecodedInput Decode(Stream input, ParseLimits limits)
    {
        var head = ReadHead(input);
        if (head.Length == 0)
        {
            throw new InvalidInputException("The file is empty.");
        }

        var notes = new List<string>();
        var what = "The file";
        Stream rest = input;
        var ownsRest = false;
        if (head.AsSpan().StartsWith([(byte)0x1F, (byte)0x8B]))
        {
            rest = new GzipDecompressingStream(new ReplayStream(head, input), limits);
            ownsRest = true;
            what = "The gzip file's content";
            head = ReadHead(rest);
            if (head.Length == 0)
            {
                throw new InvalidInputException("The gzip file is empty once decompressed.");
            }
        }

        if (BinarySignature.Match(head) is { } signature)
        {
            throw new InvalidInputException($"{what} is binary, not text: it starts with the signature of {signature.Description}.", 1);
        }

        if (Boms.FirstOrDefault(b => head.AsSpan().StartsWith(b.Bom)) is { Bom: not null } bom)
        {
            var transcoded = Encoding.CreateTranscodingStream(new ReplayStream(head.AsMemory(bom.Bom.Length), rest, ownsRest), bom.Encoding, Encoding.UTF8, leaveOpen: false);
            var text = ReadHead(transcoded);
            RefuseBinary(text, what + $" (decoded from {bom.Name})");
            notes.Add($"The file was read as {bom.Name} text (it starts with that byte-order mark).");
            return new DecodedInput(text, new ReplayStream(text, transcoded, ownsRest: true), notes);
        }

        var skip = head.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        RefuseBinary(head.AsSpan(skip), what);
        if (FirstInvalidUtf8(head.AsSpan(skip), complete: head.Length < HeadBytes) is { } invalid)
        {
            var line = head.AsSpan(skip, invalid).Count((byte)'\n') + 1;
            notes.Add($"The file was decoded as Latin-1 (ISO-8859-1) because line {line} is not valid UTF-8.");
            var latin1 = Encoding.CreateTranscodingStream(new ReplayStream(head.AsMemory(skip), rest, ownsRest), Encoding.Latin1, Encoding.UTF8, leaveOpen: false);
            var text = ReadHead(latin1);
            return new DecodedInput(text, new ReplayStream(text, latin1, ownsRest: true), notes);
        }

        // The head is UTF-8; the rest is checked as it streams past, and the first bad line is noted when the parse meets it.
        var checkedRest = new Utf8CheckingStream(rest, head.AsSpan(skip), ownsRest, line => notes.Add(
            $"Line {line:N0} is not valid UTF-8, though the file's first {HeadBytes / 1024} KB are: its invalid bytes, and any further on, were read as the replacement character U+FFFD."));
        return new DecodedInput(head[skip..], new ReplayStream(head.AsMemory(skip), checkedRest, ownsRest: true), notes);
    }

    /// <summary>Refuses text with NUL bytes or many control characters, naming the line and byte of the first.</summary>
    private static void RefuseBinary(ReadOnlySpan<byte> head, string what)
    {
        var nul = head.IndexOf((byte)0);
        if (nul >= 0)
        {
            var line = head[..nul].Count((byte)'\n') + 1;
            var hint = LooksLikeUtf16WithoutBom(head) ? " It looks like UTF-16 text without a byte-order mark; save it as UTF-8." : string.Empty;
            throw new InvalidInputException($"{what} is binary, not text: it has a NUL byte on line {line} (byte {nul + 1}).{hint}", line);
        }

        var controls = 0;
        var first = -1;
        for (var i = 0; i < head.Length; i++)
        {
            if (head[i] is < 0x20 and not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B) or 0x7F)
            {
                controls++;
                first = first < 0 ? i : first;
            }
        }

        if (controls > Math.Max(4, head.Length * MaxControlShare))
        {
            var line = head[..first].Count((byte)'\n') + 1;
            throw new InvalidInputException(
                $"{what} is binary, not text: {controls:N0} of its first {head.Length:N0} bytes are control characters, the first on line {line} (byte {first + 1}).", line);
        }
    }

    // ASCII text in UTF-16 has a NUL in every other byte.
    private static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> head)
    {
        if (head.Length < 8)
        {
            return false;
        }

        int even = 0, odd = 0;
        for (var i = 0; i < head.Length; i++)
        {
            if (head[i] == 0)
            {
                _ = i % 2 == 0 ? even++ : odd++;
            }
        }

        var half = head.Length / 2;
        return (even > half * 0.4 && odd < half * 0.05) || (odd > half * 0.4 && even < half * 0.05);
    }

    /// <summary>Offset of the first byte that is not valid UTF-8; a sequence cut by the end of an incomplete head does not count.</summary>
    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes, bool complete)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: complete);
            return status == System.Buffers.OperationStatus.InvalidData ? read : null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static byte[] ReadHead(Stream input)
    {
        var buffer = new byte[HeadBytes];
        return buffer[..input.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)];
    }
}
