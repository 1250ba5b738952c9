namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// The leading bytes ("magic numbers") of common binary formats, so a wrong upload is refused with what it looks
/// like ("a PNG image") rather than a parse error. Only signatures that no log or CSV file starts with are listed.
/// </summary>
internal sealed record BinarySignature(string Description, byte[] Magic, int Offset = 0)
{
    private static readonly BinarySignature[] Known =
    [
        new("a PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        new("a JPEG image", [0xFF, 0xD8, 0xFF]),
        new("a GIF image", "GIF8"u8.ToArray()),
        new("an ELF executable or library", [0x7F, 0x45, 0x4C, 0x46]),
        new("a Mach-O executable", [0xCF, 0xFA, 0xED, 0xFE]),
        new("a Java class file", [0xCA, 0xFE, 0xBA, 0xBE]),
        new("a WebAssembly module", [0x00, 0x61, 0x73, 0x6D]),
        new("a PDF document", "%PDF-"u8.ToArray()),
        new("a ZIP archive (or an Office document such as .xlsx)", [0x50, 0x4B, 0x03, 0x04]),
        new("a 7-Zip archive", [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
        new("an xz archive", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
        new("a Zstandard archive", [0x28, 0xB5, 0x2F, 0xFD]),
        new("gzip data (compressed twice)", [0x1F, 0x8B, 0x08]),
        new("an SQLite database", "SQLite format 3\0"u8.ToArray()),
        new("a Parquet file", "PAR1"u8.ToArray()),
        new("a tar archive", "ustar"u8.ToArray(), 257),
    ];

    /// <summary>The signature <paramref name="head"/> starts with, or null.</summary>
    public static BinarySignature? Match(ReadOnlySpan<byte> head)
    {
        foreach (var signature in Known)
        {
            if (head.Length >= signature.Offset + signature.Magic.Length
                && head.Slice(signature.Offset, signature.Magic.Length).SequenceEqual(signature.Magic))
            {
                return signature;
            }
        }

        return null;
    }
}
