using System.Text.RegularExpressions;

namespace AnomalyStudio.Core.Feedback;

/// <summary>What a rule matches: a record's field, its mined template, or the entity its record belongs to.</summary>
public enum RuleTarget
{
    Field,
    Template,
    Entity,
}

/// <summary>
/// An analyst's "this is expected": records it matches are never flagged and their evidence is not counted. A field
/// rule matches a field's value exactly (<c>equals</c>) or by a pattern where <c>*</c> stands for any text (<c>like</c>,
/// for a URI template such as <c>/product/*</c>); a template rule matches a line's mined template; an entity rule all the
/// records of one entity (a client, a user, a block).
/// </summary>
/// <param name="Field">The field's name as the record's fields give it (client, user agent, uri …); null for the other targets.</param>
/// <param name="Value">The value, template text or entity key.</param>
/// <param name="Like">Whether <paramref name="Value"/> is a pattern with <c>*</c> wildcards (field rules only).</param>
/// <param name="Note">Why the analyst expects it, kept with the rule.</param>
public sealed record ExpectedRule(RuleTarget Target, string? Field, string Value, bool Like = false, string? Note = null)
{
    public static ExpectedRule FieldEquals(string field, string value, string? note = null) => new(RuleTarget.Field, field, value, false, note);

    public static ExpectedRule FieldLike(string field, string pattern, string? note = null) => new(RuleTarget.Field, field, pattern, true, note);

    public static ExpectedRule OfTemplate(string template, string? note = null) => new(RuleTarget.Template, null, template, false, note);

    public static ExpectedRule OfEntity(string key, string? note = null) => new(RuleTarget.Entity, null, key, false, note);

    /// <summary>The rule in words, as the explanation of a record it matches and the rules list show it.</summary>
    public string Describe() => Target switch
    {
        RuleTarget.Field => Like ? $"{Field} like {Value}" : $"{Field} = {Value}",
        RuleTarget.Template => $"pattern \"{Value}\"",
        _ => $"entity {Value}",
    };

    /// <summary>Whether a value matches the rule's value or pattern; made once per use of a rule, since a pattern compiles.</summary>
    public Func<string, bool> ValueMatcher()
    {
        if (!Like)
        {
            return value => string.Equals(value, Value, StringComparison.Ordinal);
        }

        var pattern = new Regex(
            "^" + string.Join(".*", Value.Split('*').Select(Regex.Escape)) + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking);
        return pattern.IsMatch;
    }
}
