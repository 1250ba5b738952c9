using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace AnomalyStudio.Tests.Support;

/// <summary>
/// FsCheck generators biased towards the inputs that break parsers: fragments of real access-log lines and CSV
/// rows, quotes, delimiters, CR/LF, NUL and high bytes, shellcode, byte-order marks and gzip magic, then mutated (bytes
/// flipped, inserted, dropped, cut) and sometimes gzip-compressed: whole, truncated, corrupted, or in several members. Uniform random bytes are
/// one case among many, because they are almost always refused at the first check and test little else.
/// </summary>
public static class FuzzInputs
{
    private static readonly string[] LogLines =
    [
        "83.149.9.216 - - [17/May/2015:10:05:03 +0000] \"GET /presentations/logstash-monitorama-2013/images/kibana-search.png HTTP/1.1\" 200 203023 \"http://semicomplete.com/presentations/logstash-monitorama-2013/\" \"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_1)\"",
        "198.51.100.7 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326",
        "2001:db8::1 - - [01/Jan/2026:00:00:00 +0100] \"POST /login?user=admin' OR 1=1-- HTTP/1.1\" 500 - \"-\" \"sqlmap/1.7\"",
        "10.0.0.1 - - [31/Dec/9999:23:59:59 +0000] \"-\" 400 0 \"-\" \"-\"",
        "203.0.113.9 - - [17/May/2015:10:05:03 +0000] \"GET /a\\\"b HTTP/1.1\" 200 5 \"-\" \"curl/8.0 \\\"quoted\\\"",
    ];

    private static readonly string[] CsvFragments =
    [
        "host,latency_ms,status,label\n", "web-1,120,200,0\n", "web-2,5210,500,1\n", "a;b;c\n1;2,5;3\n", "id\tmessage\n1\thello, world\n",
        "\"quoted, field\",\"with \"\"escaped\"\" quotes\",3\n", "\"never closed,1,2\n", "x,y\n1,NaN\n2,Infinity\n3,1e308\n4,-1e308\n",
        "time,value\n2026-01-01T00:00:00Z,1\n0001-01-01,2\n9999-12-31T23:59:59Z,3\n2026-13-45,4\n", "a|b\n|\n||\n",
    ];

    private static readonly byte[][] Tokens =
    [
        "\""u8.ToArray(), ","u8.ToArray(), ";"u8.ToArray(), "\t"u8.ToArray(), "|"u8.ToArray(), "\r"u8.ToArray(), "\n"u8.ToArray(), "\r\n"u8.ToArray(),
        "["u8.ToArray(), "]"u8.ToArray(), "\\"u8.ToArray(), " "u8.ToArray(), "-"u8.ToArray(), "200"u8.ToArray(), "NaN"u8.ToArray(),
        [0x00], [0xFF], [0xC3], [0xC3, 0xA9], [0xE2, 0x82], [0xF0, 0x9F, 0x98, 0x80], [0xED, 0xA0, 0x80], [0x80, 0xBF],
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x1F, 0x8B, 0x08, 0x00], [0x89, 0x50, 0x4E, 0x47], [0x7F, 0x45, 0x4C, 0x46],
        [0x1B], [0x07], [0x7F],
        [0x90, 0x90, 0x90, 0x90, 0xeb, 0x1f, 0x5e, 0x89, 0x76, 0x08, 0x31, 0xc0, 0x88, 0x46, 0x07, 0x89, 0x46, 0x0c, 0xb0, 0x0b, 0xcd, 0x80],
        [0x90, 0x02, 0xb1, 0x02, 0xb1, 0x02, 0xb1, 0x02, 0xb1, 0x02, 0xb1, 0x02, 0xb1, 0x02, 0xb1], "\\x90\\x02"u8.ToArray(),
    ];

    /// <summary>Arbitrary byte sequences for the format detector and both parsers.</summary>
    public static Arbitrary<byte[]> Files() => Arb.From(File());

    /// <summary>Arbitrary strings for <c>AccessLogParser.TryParseLine</c>: mostly near-valid lines.</summary>
    public static Arbitrary<string> Lines() => Arb.From(Line());

    private static Gen<byte[]> File() =>
        from pieces in Fragment().ListOf().Resize(24)
        from seed in Gen.Choose(0, int.MaxValue)
        from mutations in Gen.Choose(0, 6)
        from wrap in Gen.Frequency(
            (6, Gen.Constant(Wrapping.None)),
            (1, Gen.Constant(Wrapping.Gzip)),
            (1, Gen.Constant(Wrapping.TruncatedGzip)),
            (1, Gen.Constant(Wrapping.CorruptGzip)),
            (1, Gen.Constant(Wrapping.GzipMembers)),
            (1, Gen.Constant(Wrapping.Utf16)))
        select Wrap(Mutate([.. pieces.SelectMany(p => p)], seed, mutations), wrap, seed);

    private static Gen<byte[]> Fragment() => Gen.Frequency(
        (5, Gen.Elements(LogLines).Select(l => Encoding.UTF8.GetBytes(l + "\n"))),
        (4, Gen.Elements(CsvFragments).Select(Encoding.UTF8.GetBytes)),
        (5, Gen.Elements(Tokens)),
        (1, Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf()),
        (1, Gen.Choose(1, 3000).Select(n => Enumerable.Repeat((byte)'a', n).ToArray())));

    private static Gen<string> Line()
    {
        var pieces = Gen.Frequency(
            (4, Gen.Elements(LogLines)),
            (4, Gen.Elements("[", "]", "\"", "\\\"", "\\", " ", "-", "+0000", "-9999", "17/May/2015:10:05:03 +0000", "99/Foo/0000:25:61:61 +9999",
                "31/Feb/2015:10:00:00 +0000", "29/Feb/2000:23:59:60 +1400", "01/Jan/0001:00:00:00 +0100", "999", "99999999999999999999", "GET / HTTP/1.1", "\u0000", "\uD800", "\uDFFF", "é", "\u202E")),
            (1, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())));
        return from parts in pieces.ListOf().Resize(30)
               from seed in Gen.Choose(0, int.MaxValue)
               select MutateText(string.Concat(parts), seed);
    }

    private static string MutateText(string text, int seed)
    {
        var random = new Random(seed);
        if (text.Length == 0 || random.Next(3) == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            chars[random.Next(chars.Length)] = (char)random.Next(0, 128);
        }

        return new string(chars, 0, random.Next(chars.Length / 2, chars.Length + 1));
    }

    private static byte[] Mutate(byte[] bytes, int seed, int mutations)
    {
        var random = new Random(seed);
        var list = new List<byte>(bytes);
        for (var i = 0; i < mutations && list.Count > 0; i++)
        {
            var at = random.Next(list.Count);
            switch (random.Next(4))
            {
                case 0:
                    list[at] = (byte)random.Next(256);
                    break;
                case 1:
                    list.Insert(at, (byte)random.Next(256));
                    break;
                case 2:
                    list.RemoveAt(at);
                    break;
                default:
                    list.RemoveRange(at, list.Count - at); // a file cut short
                    break;
            }
        }

        return [.. list];
    }

    private static byte[] Wrap(byte[] bytes, Wrapping wrapping, int seed)
    {
        var random = new Random(seed);
        switch (wrapping)
        {
            case Wrapping.Gzip:
                return Gzip(bytes);
            case Wrapping.TruncatedGzip:
                var whole = Gzip(bytes);
                return whole[..random.Next(whole.Length)];
            case Wrapping.CorruptGzip:
                var corrupt = Gzip(bytes);
                for (var i = random.Next(1, 4); i > 0 && corrupt.Length > 0; i--) // .NET writes nothing for no input
                {
                    corrupt[random.Next(corrupt.Length)] ^= (byte)random.Next(1, 256);
                }

                return corrupt;
            case Wrapping.GzipMembers:
                var cut = random.Next(bytes.Length + 1);
                return [.. Gzip(bytes[..cut]), .. Gzip(bytes[cut..]), .. Gzip(bytes)];

            case Wrapping.Utf16:
                return [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Encoding.Latin1.GetString(bytes))];
            default:
                return bytes;
        }
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.ToArray();
    }

    private enum Wrapping
    {
        None,
        Gzip,
        TruncatedGzip,
        CorruptGzip,
        GzipMembers,
        Utf16,
    }
}
