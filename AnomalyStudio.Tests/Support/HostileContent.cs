using System.Text;

namespace AnomalyStudio.Tests.Support;

/// <summary>
/// Log content written to attack whoever displays it: script and markup for the browser, template syntax, ANSI
/// escape sequences for a terminal (colour, window title, bell), a bidirectional override, and a spreadsheet
/// formula. Every door must show these as text and run none of them.
/// </summary>
public static class HostileContent
{
    public const string Script = "<script>window.__pwned=1</script>";
    public const string ImageHandler = "<img/src=x/onerror=window.__pwned=1>";
    public const string Template = "{{7*7}}";
    public const string Razor = "@(1+1)";
    public const string Ansi = "\u001b[31mRED\u001b[0m\u001b]0;pwned\u0007";
    public const string BidiOverride = "\u202Egnp.exe";
    public const string Formula = "=HYPERLINK(\"http://evil.example/\",\"x\")";

    /// <summary>A request URI that carries the script, template and Razor payloads (no spaces: they would end the request line).</summary>
    public const string HostileUri = "/search?q=" + Script + "&t=" + Template + "&r=" + Razor + "&i=" + ImageHandler;

    /// <summary>A user agent with an ANSI sequence, markup and a bidi override (no double quotes: they would end the field).</summary>
    public const string HostileAgent = "Mozilla/5.0 " + Ansi + " <b>bold</b> " + BidiOverride;

    /// <summary>The first 300 lines of the sample log with hostile requests added, among them one whose method is an ANSI sequence.</summary>
    public static string AccessLog()
    {
        var lines = File.ReadLines(TestData.Samples("sample_access.log")).Take(300).ToList();
        lines.Add($"10.66.6.6 - - [02/Nov/2026:01:00:00 +0000] \"GET {HostileUri} HTTP/1.1\" 200 512 \"-\" \"{HostileAgent}\"");
        lines.Add($"10.66.6.7 - - [02/Nov/2026:01:00:01 +0000] \"\u001b[2J {HostileUri} HTTP/1.1\" 400 0 \"{Script}\" \"{Template}\"");
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>A metrics CSV whose identifier column holds the payloads, formula included.</summary>
    public static string Csv()
    {
        var text = new StringBuilder("host,cpu_pct,latency_ms\n");
        string[] hosts = ["web-01", "web-02", "web-03", "web-04"];
        for (var i = 0; i < 200; i++)
        {
            text.Append(hosts[i % 4]).Append(',').Append(20 + (i % 7)).Append(',').Append(80 + (i % 11)).Append('\n');
        }

        foreach (var payload in new[] { Script, Template, Razor, Ansi, BidiOverride, Formula })
        {
            text.Append('"').Append(payload.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",99,9000\n");
        }

        return text.ToString();
    }

    /// <summary>True when the text holds a raw escape, bell or bidi override, i.e. something a terminal or viewer would act on.</summary>
    public static bool HasLiveControls(string text) =>
        text.Contains('\u001b', StringComparison.Ordinal) || text.Contains('\u0007', StringComparison.Ordinal) || text.Contains('\u202E', StringComparison.Ordinal);
}
