using System.Text;

namespace AnomalyStudio.Tests.Support;

/// <summary>
/// A honeynet-style access log, generated: the sample log's first 2,000 lines (combined format) with 30 attack requests
/// whose request lines carry raw bytes, as Apache 1.3 logged them before it escaped such bytes (the 2004 honeynet log
/// has 35 such lines in 2,781). Three kinds: the WebDAV SEARCH overflow (MS03-007: a NOP, then thousands of
/// <c>\x02\xb1</c>), a Code Red style <c>default.ida</c> request with a NOP sled, and a bare buffer of NOPs and
/// shellcode with no method. The shellcode is Aleph One's execve("/bin/sh"), which has no NUL, space, quote or newline.
/// </summary>
public static class ShellcodeAccessLog
{
    public const int NormalLines = 2_000;
    public const int AttackLines = 30;

    public static readonly byte[] Shellcode =
    [
        0xeb, 0x1f, 0x5e, 0x89, 0x76, 0x08, 0x31, 0xc0, 0x88, 0x46, 0x07, 0x89, 0x46, 0x0c, 0xb0, 0x0b, 0x89, 0xf3, 0x8d,
        0x4e, 0x08, 0x8d, 0x56, 0x0c, 0xcd, 0x80, 0x31, 0xdb, 0x89, 0xd8, 0x40, 0xcd, 0x80, 0xe8, 0xdc, 0xff, 0xff, 0xff,
        .. "/bin/sh"u8,
    ];

    private static readonly Lazy<(byte[] Bytes, long[] AttackLines)> Built = new(Build);

    public static byte[] Bytes => Built.Value.Bytes;

    /// <summary>The 1-based line numbers of the attack requests.</summary>
    public static IReadOnlyList<long> AttackLineNumbers => Built.Value.AttackLines;

    private static (byte[], long[]) Build()
    {
        var normal = File.ReadLines(TestData.Samples("sample_access.log")).Take(NormalLines).ToList();
        using var log = new MemoryStream();
        var attacks = new List<long>();
        var line = 0L;
        for (var i = 0; i < normal.Count; i++)
        {
            if (i % (NormalLines / AttackLines) == 7 && attacks.Count < AttackLines)
            {
                // The attack takes the time of the line before it, so the log stays in order.
                var time = normal[Math.Max(0, i - 1)].Split('[', ']')[1];
                log.Write(Attack(attacks.Count, time));
                attacks.Add(++line);
            }

            log.Write(Encoding.UTF8.GetBytes(normal[i] + "\n"));
            line++;
        }

        return (log.ToArray(), attacks.ToArray());
    }

    private static byte[] Attack(int index, string time)
    {
        var client = Encoding.ASCII.GetBytes($"203.0.113.{50 + (index % 7)} - - [{time}] \"");
        byte[] request = (index % 3) switch
        {
            0 => [.. "SEARCH /"u8, 0x90, .. Repeat([0x02, 0xb1], 2_000), .. Shellcode, .. " HTTP/1.1"u8],
            1 => [.. "GET /default.ida?"u8, .. Repeat([0x90], 200), .. Shellcode, .. "=a HTTP/1.0"u8],
            _ => [.. Repeat([0x90], 64), .. Shellcode],
        };
        var status = (index % 3) switch { 0 => "414 347", 1 => "404 289", _ => "400 226" };
        return [.. client, .. request, .. Encoding.ASCII.GetBytes($"\" {status} \"-\" \"-\"\n")];
    }

    private static byte[] Repeat(byte[] unit, int times) => [.. Enumerable.Repeat(unit, times).SelectMany(u => u)];
}
