using System.Globalization;

namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// One mined template (Drain's log group): its tokens, where &lt;*&gt; stands for a variable, and how many messages
/// joined it. Its text generalises as later messages differ from it; its id is provisional (creation order) until
/// <see cref="RecordTemplates.Number"/> numbers the templates of a whole file by first appearance.
/// </summary>
public sealed class LogTemplate
{
    public const string Wildcard = "<*>";

    private string? _text;
    private LogTemplate? _mergedInto;

    internal LogTemplate(int index, string[] tokens)
    {
        Index = index;
        Tokens = tokens;
        Words = new bool[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            Words[i] = MessageTokens.IsWord(tokens[i]);
        }

        Count = 1;
        Id = Name(index);
    }

    /// <summary>0-based position: in creation order while mining, in order of first appearance once numbered.</summary>
    public int Index { get; private set; }

    /// <summary>"T1", "T2", …: see <see cref="Index"/>.</summary>
    public string Id { get; private set; }

    public string[] Tokens { get; }

    /// <summary>Per token, whether it is a word (<see cref="MessageTokens.IsWord"/>), which a message must repeat to join.</summary>
    internal bool[] Words { get; }

    public int Count { get; private set; }

    public string Text => _text ??= string.Join(' ', Tokens);

    /// <summary>The template this one was merged into, if any (itself otherwise).</summary>
    internal LogTemplate Final
    {
        get
        {
            var template = this;
            while (template._mergedInto is not null)
            {
                template = template._mergedInto;
            }

            return template;
        }
    }

    internal bool IsMerged => _mergedInto is not null;

    /// <summary>Takes the message in: positions where it differs from the template become &lt;*&gt;.</summary>
    internal void Merge(ReadOnlySpan<string> tokens)
    {
        Count++;
        Generalise(tokens);
    }

    /// <summary>Takes in another template of the same length and all of its messages; the other one then forwards here.</summary>
    internal void Absorb(LogTemplate other)
    {
        Count += other.Count;
        Generalise(other.Tokens);
        other._mergedInto = this;
    }

    internal void Number(int index)
    {
        Index = index;
        Id = Name(index);
    }

    private void Generalise(ReadOnlySpan<string> tokens)
    {
        for (var i = 0; i < Tokens.Length; i++)
        {
            if (!ReferenceEquals(Tokens[i], Wildcard) && !string.Equals(Tokens[i], tokens[i], StringComparison.Ordinal))
            {
                Tokens[i] = Wildcard;
                Words[i] = false;
                _text = null;
            }
        }
    }

    private static string Name(int index) => "T" + (index + 1).ToString(CultureInfo.InvariantCulture);
}
