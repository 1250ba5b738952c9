namespace AnomalyStudio.Core.Parsing;

/// <summary>
/// An input as UTF-8 text: its first bytes (for sniffing), a stream that reads it all from the first byte (after
/// any byte-order mark), and notes for the user on how it was read (for example, decoded as Latin-1). A note can
/// still be added while <see cref="Content"/> is read: the line of the first invalid UTF-8 byte after the head.
/// </summary>
public sealed record DecodedInput(byte[] Head, Stream Content, IReadOnlyList<string> Notes) : IDisposable
{
    public void Dispose() => Content.Dispose();
}
