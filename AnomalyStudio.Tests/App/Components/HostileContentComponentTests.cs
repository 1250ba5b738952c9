using AnomalyStudio.App.Components.Controls;
using AnomalyStudio.Tests.Support;
using Bunit;

namespace AnomalyStudio.Tests.App.Components;

/// <summary>The drawer shows hostile log content (markup, template syntax, escape sequences) as text, never as markup.</summary>
public sealed class HostileContentComponentTests : IDisposable
{
    private readonly TestPipeline _test = new(sharedModels: true);

    public void Dispose() => _test.Dispose();

    [Fact]
    public async Task The_drawer_renders_markup_and_templates_from_the_log_as_text()
    {
        var result = await _test.RunTextAsync(HostileContent.AccessLog(), "hostile.log");
        var index = Enumerable.Range(0, result.Records.Count).First(i => result.Records.Identifier(i) == "10.66.6.6");
        await using var context = ComponentContext.Create();

        var drawer = context.Render<RecordDrawer>(p => p.Add(c => c.Result, result).Add(c => c.Index, index));

        // What the user reads is exactly the file's text…
        Assert.Contains(HostileContent.Script, drawer.Find("[data-testid=drawer-raw]").TextContent, StringComparison.Ordinal);
        Assert.Contains(HostileContent.Template, drawer.Find("[data-testid=drawer-raw]").TextContent, StringComparison.Ordinal);
        Assert.Contains(HostileContent.Razor, drawer.Find("[data-testid=drawer-raw]").TextContent, StringComparison.Ordinal);
        Assert.Contains("<script", drawer.Find("[data-testid=drawer-explanation]").TextContent, StringComparison.OrdinalIgnoreCase);
        // …and none of it became an element or an attribute.
        Assert.Empty(drawer.FindAll("script, img, [onerror]"));
        Assert.DoesNotContain(drawer.FindAll("b"), b => b.TextContent == "bold");
        Assert.Contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;", drawer.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>window", drawer.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(">49<", drawer.Markup, StringComparison.Ordinal); // {{7*7}} was not evaluated
    }

    [Fact]
    public async Task The_drawer_shows_the_raw_bytes_of_a_shellcode_request_as_escapes_and_visible_control_characters()
    {
        using var stream = new MemoryStream(ShellcodeAccessLog.Bytes);
        var result = await _test.Pipeline.RunAsync(stream, new AnomalyStudio.Core.Pipeline.DetectionRequest { FileName = "honeynet.log" });
        var index = Enumerable.Range(0, result.Records.Count).First(i => result.Records.Line(i) == ShellcodeAccessLog.AttackLineNumbers[0]);
        await using var context = ComponentContext.Create();

        var drawer = context.Render<RecordDrawer>(p => p.Add(c => c.Result, result).Add(c => c.Index, index));

        var raw = drawer.Find("[data-testid=drawer-raw]").TextContent;
        Assert.Contains("\"SEARCH /\\x90\u2402\\xb1\u2402\\xb1", raw, StringComparison.Ordinal); // 0x02 as ␂
        Assert.DoesNotContain(raw, c => c < ' ' && c != '\n');
        Assert.StartsWith("request carries raw bytes, as shellcode does (\\x90\\x02\\xb1", drawer.Find("[data-testid=drawer-explanation]").TextContent, StringComparison.Ordinal);
    }
}
