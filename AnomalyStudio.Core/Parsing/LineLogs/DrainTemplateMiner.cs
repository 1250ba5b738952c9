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
    private readonly TokenStrings _strings = new();
    private readonly List<string> _tokens = [];

    public DrainTemplateMiner(DrainOptions? options = null)
    {
        _options = (options ?? DrainOptions.Default).Validate();
    }

    /// <summary>The templates in creation order (a template's <see cref="LogTemplate.Index"/> is its position).</summary>
    public IReadOnlyList<LogTemplate> Templates => _templates;

    /// <summary>Finds or creates the message's template.</summary>
    public LogTemplate Add(string message)
    {
        MessageTokens.Mask(message, _tokens, _strings);
        var tokens = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tokens);
        var leaf = Leaf(tokens);
        LogTemplate? best = null;
        var bestSimilarity = -1.0;
        var bestWildcards = -1;
        foreach (var template in leaf.Templates)
        {
            var (similarity, wildcards) = Similarity(template, tokens);
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

        if (WordVariantOf(leaf, tokens) is { } variant)
        {
            variant.Merge(tokens);
            return variant;
        }

        var created = new LogTemplate(_templates.Count, tokens.ToArray());
        _templates.Add(created);
        leaf.Templates.Add(created);
        return created;
    }

    /// <summary>
    /// Fixes the templates once every message is in: templates that differ in one word only, in at least
    /// <see cref="DrainOptions.WordVariants"/> variants, become one (that word is a value: a user name, a host), and ids
    /// follow first appearance. <paramref name="groups"/> holds each record's template as <see cref="Add"/> returned it
    /// (null for a record without a message).
    /// </summary>
    public RecordTemplates Finish(IReadOnlyList<LogTemplate?> groups)
    {
        MergeWordVariants();
        return RecordTemplates.Number(groups);
    }

    /// <summary>
    /// Share of positions where template and message agree, and the template's wildcards (ties go to the more general
    /// template); -1 when the message lacks one of the template's words, since that is a different event (only
    /// <see cref="MergeWordVariants"/> turns a word into a value).
    /// </summary>
    private static (double Similarity, int Wildcards) Similarity(LogTemplate candidate, ReadOnlySpan<string> tokens)
    {
        var template = candidate.Tokens;
        if (template.Length == 0)
        {
            return (1, 0);
        }

        var same = 0;
        var wildcards = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (ReferenceEquals(template[i], LogTemplate.Wildcard))
            {
                wildcards++;
                same += ReferenceEquals(tokens[i], LogTemplate.Wildcard) ? 1 : 0;
            }
            else if (string.Equals(template[i], tokens[i], StringComparison.Ordinal))
            {
                same++;
            }
            else if (candidate.Words[i])
            {
                return (-1, 0);
            }
        }

        return ((double)same / template.Length, wildcards);
    }

    /// <summary>
    /// The template the message makes a word variant of, as <see cref="MergeWordVariants"/> would at the end, but while
    /// mining: when the leaf holds <see cref="DrainOptions.WordVariants"/> − 1 templates that differ from the message in
    /// the same one word, they become one with that word as a value. Then a brute-force log's thousands of user names
    /// join one template instead of each adding one that every later message is compared with.
    /// </summary>
    private LogTemplate? WordVariantOf(Node leaf, ReadOnlySpan<string> tokens)
    {
        if (leaf.Templates.Count < _options.WordVariants - 1)
        {
            return null;
        }

        SortedDictionary<int, List<LogTemplate>>? variants = null;
        foreach (var template in leaf.Templates)
        {
            var position = OnlyDifference(template.Tokens, tokens);
            if (position >= 0 && template.Words[position])
            {
                variants ??= [];
                if (!variants.TryGetValue(position, out var list))
                {
                    variants[position] = list = [];
                }

                list.Add(template);
            }
        }

        foreach (var (position, list) in variants ?? [])
        {
            if (list.Count + 1 >= _options.WordVariants && list[0].Words.Where((_, i) => i != position).Any(w => w))
            {
                foreach (var other in list.Skip(1))
                {
                    list[0].Absorb(other);
                    leaf.Templates.Remove(other);
                }

                return list[0];
            }
        }

        return null;
    }

    /// <summary>The one position where the two differ; -1 when they agree everywhere or differ in more than one place.</summary>
    private static int OnlyDifference(string[] template, ReadOnlySpan<string> tokens)
    {
        var found = -1;
        for (var i = 0; i < template.Length; i++)
        {
            if (!string.Equals(template[i], tokens[i], StringComparison.Ordinal))
            {
                if (found >= 0)
                {
                    return -1;
                }

                found = i;
            }
        }

        return found;
    }

    /// <summary>
    /// Merges the templates that are the same but for one word, when there are at least
    /// <see cref="DrainOptions.WordVariants"/> of them: a few variants are different events (GET, POST, DELETE), many are a value.
    /// </summary>
    private void MergeWordVariants()
    {
        var live = _templates.Where(t => !t.IsMerged).ToList();
        var byLength = live.GroupBy(t => t.Tokens.Length);
        foreach (var sameLength in byLength)
        {
            var templates = sameLength.ToList();
            if (templates.Count < _options.WordVariants)
            {
                continue;
            }

            var length = sameLength.Key;
            for (var position = 0; position < length; position++)
            {
                var siblings = new Dictionary<string, List<LogTemplate>>(StringComparer.Ordinal);
                foreach (var template in templates)
                {
                    // The rest must hold a word of its own, else any one-word messages would count as variants.
                    if (template.IsMerged || !template.Words[position] || !template.Words.Where((_, i) => i != position).Any(w => w))
                    {
                        continue;
                    }

                    var key = string.Join('\u0001', template.Tokens.Where((_, i) => i != position));
                    if (!siblings.TryGetValue(key, out var list))
                    {
                        siblings[key] = list = [];
                    }

                    list.Add(template);
                }

                foreach (var list in siblings.Values.Where(l => l.Count >= _options.WordVariants))
                {
                    foreach (var other in list.Skip(1))
                    {
                        list[0].Absorb(other);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The leaf for the message: the node for its length, then one layer per leading token (depth − 3 of them, never the
    /// last token, as in loghub's and Drain3's code, so two-token messages can still merge). A token
    /// not seen at a full node goes to the node's &lt;*&gt; child, as does a masked value, so the tree never grows past
    /// <see cref="DrainOptions.MaxChildren"/> children per node.
    /// </summary>
    private Node Leaf(ReadOnlySpan<string> tokens)
    {
        if (!_byLength.TryGetValue(tokens.Length, out var node))
        {
            node = new Node();
            _byLength[tokens.Length] = node;
        }

        var layers = Math.Min(_options.Depth - 3, tokens.Length - 1);
        for (var i = 0; i < layers; i++)
        {
            // Only a word routes: a host, path or value there would give every variant a leaf of its own.
            var token = MessageTokens.IsWord(tokens[i]) ? tokens[i] : LogTemplate.Wildcard;
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
