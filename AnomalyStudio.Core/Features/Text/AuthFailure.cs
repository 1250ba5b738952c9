using System.Text.RegularExpressions;

namespace AnomalyStudio.Core.Features.Text;

/// <summary>
/// Recognises a failed login in a log message or event name: sshd's "Failed password", "Invalid user", PAM's
/// "authentication failure", "Too many authentication failures", "login failed"/"failed login" in any spelling
/// (<c>cowrie.login.failed</c>), "Access denied for user". A run of them from one client is a brute force, whatever the
/// file's other clients do.
/// </summary>
public static partial class AuthFailure
{
    public static bool In(string? text) => text is { Length: > 0 } && Pattern().IsMatch(text);

    [GeneratedRegex(@"failed (?:password|publickey|keyboard-interactive|none) for|\binvalid user\b|authentication failures?\b|\blogin[ ._-]?fail|\bfail(?:ed|ure)[ ._-]?login|access denied for user|\bbad password\b|\bauth(?:entication)?[ ._-]fail", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
