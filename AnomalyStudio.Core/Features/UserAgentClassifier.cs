namespace AnomalyStudio.Core.Features;

/// <summary>Sorts user agents into browsers, scripting clients, scanners and empty ones.</summary>
public static class UserAgentClassifier
{
    private static readonly string[] Scanners =
        ["sqlmap", "nikto", "nmap", "masscan", "zgrab", "dirbuster", "gobuster", "wpscan", "acunetix", "nessus",
         "openvas", "w3af", "zmeu", "hydra", "nuclei", "ffuf", "wfuzz", "havij", "netsparker", "burp", "jorgee", "morfeus"];

    private static readonly string[] ScriptClients =
        ["curl", "wget", "python-requests", "python-urllib", "python/", "aiohttp", "go-http-client", "java/",
         "libwww-perl", "lwp-", "httpclient", "okhttp", "powershell", "ruby", "php/", "scrapy", "node-fetch", "axios"];

    public static UserAgentKind Classify(string? userAgent)
    {
        if (userAgent is null)
        {
            return UserAgentKind.NotLogged;
        }

        var trimmed = userAgent.AsSpan().Trim();
        if (trimmed.IsEmpty || trimmed is "-")
        {
            return UserAgentKind.Empty;
        }

        if (Matching(userAgent, Scanners) is not null)
        {
            return UserAgentKind.Scanner;
        }

        return Matching(userAgent, ScriptClients) is not null ? UserAgentKind.ScriptClient : UserAgentKind.Browser;
    }

    /// <summary>The tool name a user agent contains, for explanations ("sqlmap").</summary>
    public static string? ToolName(string? userAgent) =>
        userAgent is null ? null : Matching(userAgent, Scanners) ?? Matching(userAgent, ScriptClients)?.TrimEnd('/', '-');

    private static string? Matching(string userAgent, string[] names)
    {
        foreach (var name in names)
        {
            if (userAgent.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return null;
    }
}
