using AnomalyStudio.Core.Reporting;

namespace AnomalyStudio.Tests.Core.Reporting;

public sealed class InertTextTests
{
    [Theory]
    [InlineData("plain /index.html ümlaut 日本", "plain /index.html ümlaut 日本")]
    [InlineData("\u001b[31mred\u001b[0m", "\u241B[31mred\u241B[0m")]
    [InlineData("a\tb\nc\rd", "a\u2409b\u240Ac\u240Dd")]
    [InlineData("bell\u0007 del\u007f", "bell\u2407 del\u2421")]
    [InlineData("\u009b31m c1", "<U+009B>31m c1")]
    [InlineData("\u202Egnp.exe", "<U+202E>gnp.exe")]
    public void Terminal_text_shows_every_control_character(string text, string expected) =>
        Assert.Equal(expected, InertText.ForTerminal(text));

    [Fact]
    public void Document_text_keeps_tabs_and_line_breaks_for_quoted_cells()
    {
        Assert.Equal("a\tb\r\nc\u241B[0m", InertText.ForDocument("a\tb\r\nc\u001b[0m"));
        Assert.False(InertText.NeedsDocumentEscaping("a\tb\r\n"));
        Assert.True(InertText.NeedsTerminalEscaping("a\tb"));
    }

    [Fact]
    public void Clean_text_is_returned_as_is() =>
        Assert.Same("GET /", InertText.ForTerminal("GET /"));
}
