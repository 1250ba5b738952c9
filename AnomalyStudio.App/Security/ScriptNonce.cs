namespace AnomalyStudio.App.Security;

/// <summary>The nonce this response's Content-Security-Policy allows inline scripts to carry.</summary>
public static class ScriptNonce
{
    private static readonly object Key = new();

    public static void Set(HttpContext context, string nonce) => context.Items[Key] = nonce;

    /// <summary>The response's nonce, or null outside a request that passed the security headers middleware.</summary>
    public static string? Get(HttpContext? context) => context?.Items[Key] as string;
}
