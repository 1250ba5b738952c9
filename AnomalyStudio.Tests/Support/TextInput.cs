using System.Text;

namespace AnomalyStudio.Tests.Support;

/// <summary>Hand-written inputs as the parsers receive them: a stream of UTF-8 bytes.</summary>
public static class TextInput
{
    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));
}
