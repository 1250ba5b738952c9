using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// Turns the bytes of an upload into UTF-8 text for the parsers, or refuses them with a message that says what the
/// file looks like and where: gzip is decompressed (bounded by <see cref="ParseLimits.MaxDecompressedBytes"/> and, past
/// <see cref="ParseLimits.ExpansionCheckedAfterBytes"/>, by its expansion ratio),
/// UTF-16 and UTF-32 with a byte-order mark are transcoded, text that is not valid UTF-8 is read as Latin-1 (with a
/// note) unless its odd bytes are raw bytes in UTF-8 text (kept as <c>\xNN</c> escapes, with a note), and binary files
/// (known signatures, or most lines control characters and NUL bytes) are refused. Streams throughout.
/// </summary>
public static class InputDecoder
{
    /// <summary>How much of the head is examined.</summary>
    public const int HeadBytes = 64 * 1024;

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
            notes.Add("The file is gzip-compressed: it was decompressed as it was read.");
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
        var body = head.AsMemory(skip);
        RefuseBinary(body.Span, what);
        if (FirstInvalidUtf8(body.Span, complete: head.Length < HeadBytes) is { } invalid && IsLatin1Text(body.Span, complete: head.Length < HeadBytes))
        {
            var line = body.Span[..invalid].Count((byte)'\n') + 1;
            notes.Add($"The file was decoded as Latin-1 (ISO-8859-1) because line {line} is not valid UTF-8.");
            var latin1 = Encoding.CreateTranscodingStream(new ReplayStream(body, rest, ownsRest), Encoding.Latin1, Encoding.UTF8, leaveOpen: false);
            var text = ReadHead(latin1);
            return new DecodedInput(text, new ReplayStream(text, latin1, ownsRest: true), notes);
        }

        // UTF-8, perhaps with raw bytes (shellcode in a request, say): those are kept as \xNN escapes, and the first one's line noted.
        var escaped = new RawByteEscapingStream(new ReplayStream(body, rest, ownsRest), ownsInner: true, line => notes.Add(
            $"Line {line:N0} has bytes that are not UTF-8 text (raw bytes, such as an attack's shellcode): they are kept as \\xNN escapes, "
            + "there and on any later line; the rest of the file is read as UTF-8."));
        var utf8 = ReadHead(escaped);
        return new DecodedInput(utf8, new ReplayStream(utf8, escaped, ownsRest: true), notes);
    }

    /// <summary>
    /// Refuses an input most of whose lines are not text (<see cref="TextShare"/>), naming the first such line and byte;
    /// one with a few such lines is read, its odd lines kept as records. UTF-16 without a byte-order mark is named.
    /// </summary>
    private static void RefuseBinary(ReadOnlySpan<byte> head, string what)
    {
        var nul = head.IndexOf((byte)0);
        if (nul >= 0 && LooksLikeUtf16WithoutBom(head))
        {
            var line = head[..nul].Count((byte)'\n') + 1;
            throw new InvalidInputException(
                $"{what} is binary, not text: it has a NUL byte on line {line} (byte {nul + 1}). It looks like UTF-16 text without a byte-order mark; save it as UTF-8.", line);
        }

        var share = TextShare.Of(head);
        if (share.MostlyBinary)
        {
            var lines = head.Length < HeadBytes ? $"its {share.Lines:N0} lines" : $"the {share.Lines:N0} lines in its first {HeadBytes / 1024} KB";
            throw new InvalidInputException(
                share.Lines == 1
                    ? $"{what} is binary, not text: its one line is control characters or NUL bytes, from byte {share.FirstBinaryByte + 1:N0}."
                    : $"{what} is binary, not text: {share.BinaryLines:N0} of {lines} are control characters or NUL bytes, "
                        + $"the first line {share.FirstBinaryLine:N0} (byte {share.FirstBinaryByte + 1:N0}).",
                share.FirstBinaryLine);
        }
    }

    /// <summary>
    /// True when every line of the head that is not UTF-8 reads as Latin-1 (or Windows-1252) text: no control
    /// characters, and no two bytes from 0x80 to 0x9F in a row (C1 controls in Latin-1; a NOP sled's 0x90 0x90 in
    /// shellcode). Otherwise the odd bytes are raw bytes in UTF-8 text, and are escaped rather than the whole file
    /// decoded as Latin-1.
    /// </summary>
    private static bool IsLatin1Text(ReadOnlySpan<byte> head, bool complete)
    {
        while (!head.IsEmpty)
        {
            var newline = head.IndexOf((byte)'\n');
            if (newline < 0 && !complete)
            {
                return true; // a line cut by the end of the head is not judged
            }

            var line = newline < 0 ? head : head[..newline];
            head = newline < 0 ? default : head[(newline + 1)..];
            if (!Utf8.IsValid(line) && (HasC1Run(line) || line.ContainsAny(ControlBytes)))
            {
                return false;
            }
        }

        return true;
    }

    // Windows-1252 text has lone bytes in 0x80–0x9F (curly quotes, dashes) between letters; shellcode has runs (a NOP sled's 0x90 0x90).
    private static bool HasC1Run(ReadOnlySpan<byte> line)
    {
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] is >= 0x80 and <= 0x9F && line[i - 1] is >= 0x80 and <= 0x9F)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        Enumerable.Range(0, 0x80).Select(b => (byte)b).Where(TextShare.IsBinary).ToArray());

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
