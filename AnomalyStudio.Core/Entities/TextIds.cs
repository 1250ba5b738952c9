namespace AnomalyStudio.Core.Entities;

/// <summary>
/// Gives each distinct text a dense id in order of first appearance. Parsed columns repeat the same string
/// instances (the parser pools them), so an id is looked up by reference first and the text is hashed only once per
/// instance: a million IPs or user agents cost a million pointer lookups, not a million string hashes.
/// </summary>
internal sealed class TextIds
{
    private readonly Dictionary<string, int> _byInstance = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _byText = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];

    public int Count => _texts.Count;

    /// <summary>The distinct texts, by id.</summary>
    public IReadOnlyList<string> Texts => _texts;

    public int Of(string text)
    {
        if (_byInstance.TryGetValue(text, out var id))
        {
            return id;
        }

        if (!_byText.TryGetValue(text, out id))
        {
            id = _texts.Count;
            _texts.Add(text);
            _byText[text] = id;
        }

        // Bounded, so a column of unpooled strings (every value its own instance) does not double its memory here.
        if (_byInstance.Count < 1_000_000)
        {
            _byInstance[text] = id;
        }

        return id;
    }

    /// <summary>The id of every value of a column, in order.</summary>
    public static (int[] Ids, IReadOnlyList<string> Texts) Encode(IReadOnlyList<string?> column, string missing = "")
    {
        var ids = new TextIds();
        var codes = new int[column.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = ids.Of(column[i] ?? missing);
        }

        return (codes, ids.Texts);
    }

    /// <summary>
    /// The ids of a dictionary-encoded column: the same ids as <see cref="Encode(IReadOnlyList{string?}, string)"/>
    /// gives its texts, found once per distinct code instead of once per row.
    /// </summary>
    public static (int[] Ids, IReadOnlyList<string> Texts) Encode<T>(Parsing.EncodedColumn<T> column, string missing = "")
        where T : class?
    {
        var ids = new TextIds();
        var idOfCode = new int[column.Values.Count]; // id + 1; 0 until the code is first seen
        var codes = column.Codes;
        var result = new int[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            var code = codes[i];
            var id = idOfCode[code] - 1;
            if (id < 0)
            {
                id = ids.Of(column.Values[code] as string ?? missing);
                idOfCode[code] = id + 1;
            }

            result[i] = id;
        }

        return (result, ids.Texts);
    }
}
