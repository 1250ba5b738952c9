namespace AnomalyStudio.Core.Reporting;

/// <summary>The HTML report's inline style sheet: readable printed or on screen, light or dark as the reader's system prefers.</summary>
internal static class HtmlReportStyle
{
    public const string Css = """
        :root { color-scheme: light dark; --fg: #1c1c1c; --bg: #fff; --muted: #5f6368; --line: #d9d9d9; --accent: #3949ab; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e8e8e8; --bg: #17181c; --muted: #a8adb3; --line: #3a3d44; --accent: #9fa8da; } }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); margin: 24px auto; max-width: 1200px; padding: 0 16px; }
        h1 { font-size: 1.5rem; margin: 0; overflow-wrap: anywhere; } h2 { font-size: 1.15rem; border-bottom: 2px solid var(--accent); padding-bottom: 2px; margin-top: 28px; }
        .meta, figcaption, caption, footer { color: var(--muted); } caption { text-align: left; padding: 4px 0; }
        .kpis { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; } .kpis div { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 110px; }
        dt { font-size: 0.8rem; color: var(--muted); } dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
        .charts { display: flex; flex-wrap: wrap; gap: 16px; } figure { margin: 0; } .chart text { font-size: 11px; fill: var(--fg); }
        .band { stroke: var(--muted); stroke-dasharray: 4 3; } .flag { stroke: var(--fg); stroke-width: 2; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid var(--line); }
        td.num, th.num { text-align: right; white-space: nowrap; } .nowrap { white-space: nowrap; }
        code, .template { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.8rem; overflow-wrap: anywhere; white-space: pre-wrap; }
        .ident { white-space: nowrap; overflow-wrap: normal; }
        .raw { display: block; color: var(--muted); margin-top: 2px; }
        .sev { display: inline-block; min-width: 56px; text-align: center; color: #fff; border-radius: 10px; padding: 0 8px; font-size: 0.75rem; font-weight: 600; text-transform: uppercase; }
        mark { background: rgba(57, 73, 171, 0.22); color: inherit; border-radius: 3px; padding: 0 2px; }
        .badge { display: inline-block; border-radius: 10px; padding: 0 7px; margin-right: 3px; font-size: 0.72rem; font-weight: 600; color: #fff; background: #5e35b1; }
        .spark polyline { fill: none; stroke: currentColor; stroke-width: 1.5; }
        .spike { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; margin: 8px 0; }
        footer { margin-top: 32px; font-size: 0.8rem; }
        @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
        """;
}
