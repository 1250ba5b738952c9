using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AnomalyStudio.Tests.EndToEnd;

/// <summary>
/// Runs axe-core (shipped inside the Deque.AxeCore.Playwright package, never downloaded) over the page as it stands,
/// with every rule axe has, and words each violation of the impacts WCAG 2.1 AA work cannot leave: critical, serious
/// and moderate. Minor findings are best-practice hints and are reported only in the message, never failed.
/// </summary>
public static class AxeAudit
{
    private static readonly HashSet<string> Failing = new(StringComparer.Ordinal) { "critical", "serious", "moderate" };

    /// <summary>One line per node that breaks a rule of a failing impact, prefixed with where the page was.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe();
        return
        [
            .. result.Violations
                .Where(v => Failing.Contains(v.Impact ?? ""))
                .SelectMany(v => v.Nodes.Select(n => $"{where}: {v.Impact} {v.Id} ({v.Help}) at {n.Target}: {Shorten(n.Html)}{Detail(n)}")),
        ];
    }

    /// <summary>What axe says failed: the messages of the node's checks that did not pass.</summary>
    private static string Detail(AxeResultNode node)
    {
        var messages = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct();
        var text = string.Join("; ", messages);
        return text.Length == 0 ? "" : " — " + text.ReplaceLineEndings(" ");
    }

    private static string Shorten(string? html) => html is null ? "" : html.Length <= 160 ? html : html[..160] + "…";
}
