namespace AnomalyStudio.Core.Features;

/// <summary>What kind of client a user agent names.</summary>
public enum UserAgentKind : byte
{
    /// <summary>The log line has no user-agent field (common log format).</summary>
    NotLogged,
    Browser,

    /// <summary>An empty or "-" user agent.</summary>
    Empty,

    /// <summary>A scripting client or HTTP library (curl, wget, python-requests…).</summary>
    ScriptClient,

    /// <summary>A known attack or reconnaissance tool (sqlmap, nikto, nmap, masscan…).</summary>
    Scanner,
}
