namespace AnomalyStudio.Core.Parsing.LineLogs;

/// <summary>
/// Mines message templates online with Drain (He, Zhu, Zheng and Lyu, ICWS 2017). A message's tokens are first masked:
/// a token that is a value (it starts with a digit, has a run of 3 digits, or as many digits as letters: 2351,
/// 10.0.0.1:80, blk_-160899, core.1234) becomes &lt;*&gt;, while names with a digit in them (jk2_init(),
/// workers2.properties) stay. The message then walks a fixed-depth tree keyed on its token count and first tokens
/// to a short list of templates, joins the most similar one when at least <see cref="DrainOptions.SimilarityThreshold"/>
/// of the positions agree (two masked values agree), else starts a template of its own. Every choice is made in
/// input order, so the same file gives the same templates and ids.
/// </summary>
public sealed class DrainTemplateMiner
{
    private readonly DrainOptions _options;
    private readonly Dictionary<int, Node> _byLength = [];
    private readonly List<LogTemplate> _templates = [];

    public DrainTemplateMiner(DrainOptions? options = null)
    {
        _options = (options ?? DrainOptions.Default).Validate();
    }

    /// <summary>The templates in creation order (a template's <see cref="LogTemplate.Index"/> is its position).</summary>
    public IReadOnlyList<LogTemplate> Templates => _templates;

    /// <summary>Finds or creates the message's template.</summary>
    public LogTemplate Add(string message)
    {
        var tokens = Mask(Tokenise(message));
        var leaf = Leaf(tokens);
        LogTemplate? best = null;
        var bestSimilarity = -1.0;
        var bestWildcards = -1;
        foreach (var template in leaf.Templates)
        {
            var (similarity, wildcards) = Similarity(template.Tokens, tokens);
            if (similarity > bestSimilarity || (similarity == bestSimilarity && wildcards > bestWildcards))
            {
                best = template;
                bestSimilarity = similarity;
                bestWildcards = wildcards;
            }
        }

        if (best is not null && bestSimilarity >= _options.SimilarityThreshold)
        {
            best.Merge(tokens);
            return best;
        }

        var created = new LogTemplate(_templates.Count, tokens);
        _templates.Add(created);
        leaf.Templates.Add(created);
        return created;
    }

    /// <summary>
    /// Fixes the templates once every message is in: <paramref name="groups"/> holds each record's group as
    /// <see cref="Add"/> returned it (null for a record without a message); ids follow first appearance.
    /// </summary>
    public RecordTemplates Finish(IReadOnlyList<LogTemplate?> groups) => RecordTemplates.Number(groups);

    /// <summary>Whitespace-separated tokens, as the paper splits after its pre-processing.</summary>
    public static string[] Tokenise(string message) =>
        message.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether the token is a value rather than a word: see the type's summary.</summary>
    public static bool IsVariable(string token)
    {
        var digits = 0;
        var letters = 0;
        var run = 0;
        var longestRun = 0;
        var firstAlphanumeric = '\0';
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
                longestRun = Math.Max(longestRun, ++run);
            }
            else
            {
                run = 0;
                letters += char.IsLetter(c) ? 1 : 0;
            }

            if (firstAlphanumeric == '\0' && char.IsLetterOrDigit(c))
            {
                firstAlphanumeric = c;
            }
        }

        return digits > 0 && (char.IsAsciiDigit(firstAlphanumeric) || longestRun >= 3 || digits >= letters);
    }

    private static string[] Mask(string[] tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (IsVariable(tokens[i]))
            {
                tokens[i] = LogTemplate.Wildcard;
            }
        }

        return tokens;
    }

    /// <summary>Share of positions where template and message agree, and the template's wildcards (ties go to the more general template).</summary>
    private static (double Similarity, int Wildcards) Similarity(string[] template, string[] tokens)
    {
        if (template.Length == 0)
        {
            return (1, 0);
        }

        var same = 0;
        var wildcards = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (string.Equals(template[i], tokens[i], StringComparison.Ordinal))
            {
                same++;
            }
            else if (template[i] == LogTemplate.Wildcard)
            {
                wildcards++;
            }
        }

        return ((double)same / template.Length, wildcards);
    }

    /// <summary>
    /// The leaf for the message: the node for its length, then one layer per leading token (depth − 3 of them, never the
    /// last token, as in loghub's and Drain3's code, so two-token messages can still merge). A token
    /// not seen at a full node goes to the node's &lt;*&gt; child, as does a masked value, so the tree never grows past
    /// <see cref="DrainOptions.MaxChildren"/> children per node.
    /// </summary>
    private Node Leaf(string[] tokens)
    {
        if (!_byLength.TryGetValue(tokens.Length, out var node))
        {
            node = new Node();
            _byLength[tokens.Length] = node;
        }

        var layers = Math.Min(_options.Depth - 3, tokens.Length - 1);
        for (var i = 0; i < layers; i++)
        {
            var token = tokens[i];
            if (!node.Children.TryGetValue(token, out var child))
            {
                if (token != LogTemplate.Wildcard && node.Children.Count >= _options.MaxChildren - 1)
                {
                    token = LogTemplate.Wildcard;
                }

                if (!node.Children.TryGetValue(token, out child))
                {
                    child = new Node();
                    node.Children[token] = child;
                }
            }

            node = child;
        }

        return node;
    }

    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public List<LogTemplate> Templates { get; } = [];
    }
}
