namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// One mined template (Drain's log group): its tokens, where &lt;*&gt; stands for a variable, and how many messages
/// joined it. Its id is fixed when it is created; its text generalises as later messages differ from it.
/// </summary>
public sealed class LogTemplate
{
    public const string Wildcard = "<*>";

    private string? _text;

    internal LogTemplate(int index, string[] tokens)
    {
        Index = index;
        Tokens = tokens;
        Count = 1;
    }

    /// <summary>0-based position in creation order.</summary>
    public int Index { get; }

    /// <summary>"T1", "T2", … in the order the templates were first seen.</summary>
    public string Id => "T" + (Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string[] Tokens { get; }

    public int Count { get; private set; }

    public string Text => _text ??= string.Join(' ', Tokens);

    /// <summary>Takes the message in: positions where it differs from the template become &lt;*&gt;.</summary>
    internal void Merge(string[] tokens)
    {
        Count++;
        for (var i = 0; i < Tokens.Length; i++)
        {
            if (Tokens[i] != Wildcard && !string.Equals(Tokens[i], tokens[i], StringComparison.Ordinal))
            {
                Tokens[i] = Wildcard;
                _text = null;
            }
        }
    }
}
