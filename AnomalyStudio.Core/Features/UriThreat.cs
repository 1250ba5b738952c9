namespace AnomalyStudio.Core.Features;

/// <summary>Attack patterns found in a request URI.</summary>
[Flags]
public enum UriThreat : byte
{
    None = 0,
    PathTraversal = 1,
    SqlInjection = 2,
    CrossSiteScripting = 4,
    CommandInjection = 8,
    SensitiveFile = 16,

    /// <summary>The request line (method, URI or protocol) carries raw bytes, as shellcode does: control characters, or bytes that were not text (kept as <c>\xNN</c>).</summary>
    RawBytes = 32,
}
