namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>The line-log headers read by code rather than a format string (syslog PRI, Apache's optional brackets, the lenient application header); each is one entry of <see cref="LineLogLayouts"/>.</summary>
public enum LineLogShape
{
    /// <summary><c>[Sun Dec 04 04:47:44 2005] [notice] message</c>, with Apache 2.4's <c>[module:level] [pid N:tid M] [client ip:port]</c>.</summary>
    ApacheError,

    /// <summary><c>&lt;34&gt;1 2003-10-11T22:14:15.003Z host app 123 ID47 - message</c> (RFC 5424).</summary>
    Rfc5424Syslog,

    /// <summary><c>Jun 14 15:16:01 host sshd(pam_unix)[19939]: message</c> (BSD syslog, RFC 3164), optionally after <c>&lt;PRI&gt;</c>.</summary>
    BsdSyslog,

    /// <summary><c>2024-05-01 12:00:03,123 ERROR [main] com.foo.Bar - message</c>, or <c>[ERROR] message</c> without a timestamp.</summary>
    Application,
}
