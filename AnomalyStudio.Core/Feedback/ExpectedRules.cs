using System.Text;
using System.Text.Json;

namespace AnomalyStudio.Core.Feedback;

/// <summary>
/// A small JSON file of <see cref="ExpectedRule"/>s that the dashboard exports and imports and the CLI and API take:
/// <code>
/// { "rules": [
///     { "field": "client", "equals": "10.0.0.5", "note": "our uptime probe" },
///     { "field": "uri", "like": "/health/*" },
///     { "template": "Connection closed by &lt;*&gt; port &lt;*&gt; [preauth]" },
///     { "entity": "blk_-1608999687919862906" } ] }
/// </code>
/// Reading checks every rule and names the first wrong one (its number and what it lacks), never guesses.
/// </summary>
public sealed class ExpectedRules
{
    /// <summary>Rules a file may hold: more is not a list an analyst wrote by hand.</summary>
    public const int MaxRules = 10_000;

    /// <summary>Bytes a rules file may have.</summary>
    public const int MaxBytes = 4 << 20;

    private static readonly string[] Keys = ["field", "equals", "like", "template", "entity", "note"];

    private static readonly string[] Targets = ["field", "template", "entity"];

    public ExpectedRules(IEnumerable<ExpectedRule> rules) => Rules = rules.Distinct().ToList();

    public static ExpectedRules None { get; } = new([]);

    public IReadOnlyList<ExpectedRule> Rules { get; }

    public int Count => Rules.Count;

    public ExpectedRules With(ExpectedRule rule) => new([.. Rules, rule]);

    public ExpectedRules Without(ExpectedRule rule) => new(Rules.Where(r => r != rule));

    /// <exception cref="InvalidInputException">The file is not JSON of this shape; the message names the rule and what is wrong.</exception>
    public static ExpectedRules Read(Stream stream, string source = "rules file")
    {
        using var buffer = new MemoryStream();
        var block = new byte[81920];
        int read;
        while ((read = stream.Read(block)) > 0)
        {
            buffer.Write(block, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw new InvalidInputException($"The {source} is larger than {MaxBytes >> 20} MB; a rules file holds at most {MaxRules:N0} short rules.");
            }
        }

        return Parse(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), source);
    }

    /// <exception cref="InvalidInputException">The text is not JSON of this shape; the message names the rule and what is wrong.</exception>
    public static ExpectedRules Parse(string json, string source = "rules file")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"The {source} is not valid JSON (line {(e.LineNumber ?? 0) + 1}): {e.Message.Split(" Path:")[0]}", (e.LineNumber ?? 0) + 1);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("rules", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidInputException($"The {source} must be an object with a \"rules\" array, e.g. {{\"rules\": [{{\"field\": \"client\", \"equals\": \"10.0.0.5\"}}]}}.");
            }

            if (list.GetArrayLength() > MaxRules)
            {
                throw new InvalidInputException($"The {source} has {list.GetArrayLength():N0} rules; at most {MaxRules:N0} are read.");
            }

            return new ExpectedRules(list.EnumerateArray().Select((rule, i) => RuleOf(rule, i + 1, source)).ToList());
        }
    }

    private static ExpectedRule RuleOf(JsonElement rule, int number, string source)
    {
        string Fail(string what) => throw new InvalidInputException($"Rule {number} of the {source}: {what}");
        if (rule.ValueKind != JsonValueKind.Object)
        {
            Fail("must be an object such as {\"field\": \"client\", \"equals\": \"10.0.0.5\"}.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in rule.EnumerateObject())
        {
            if (!Keys.Contains(property.Name))
            {
                Fail($"unknown key \"{property.Name}\"; a rule has \"field\" with \"equals\" or \"like\", or \"template\", or \"entity\", and may have a \"note\".");
            }

            if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(property.Value.GetString()))
            {
                Fail($"\"{property.Name}\" must be a non-empty string.");
            }

            values[property.Name] = property.Value.GetString()!;
        }

        var note = values.GetValueOrDefault("note");
        var targets = Targets.Count(values.ContainsKey);
        if (targets != 1)
        {
            Fail(targets == 0 ? "names nothing to match: give \"field\" (with \"equals\" or \"like\"), \"template\" or \"entity\"." : "give only one of \"field\", \"template\" and \"entity\".");
        }

        if (values.TryGetValue("field", out var field))
        {
            return (values.GetValueOrDefault("equals"), values.GetValueOrDefault("like")) switch
            {
                ({ } equals, null) => ExpectedRule.FieldEquals(field, equals, note),
                (null, { } like) => ExpectedRule.FieldLike(field, like, note),
                (null, null) => throw new InvalidInputException($"Rule {number} of the {source}: the field \"{field}\" needs \"equals\" (a value) or \"like\" (a pattern with *)."),
                _ => throw new InvalidInputException($"Rule {number} of the {source}: give \"equals\" or \"like\", not both."),
            };
        }

        if (values.ContainsKey("equals") || values.ContainsKey("like"))
        {
            Fail("\"equals\" and \"like\" go with \"field\" only.");
        }

        return values.TryGetValue("template", out var template) ? ExpectedRule.OfTemplate(template, note) : ExpectedRule.OfEntity(values["entity"], note);
    }

    /// <summary>The rules as the JSON file <see cref="Read"/> reads back.</summary>
    public void Write(Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteStartArray("rules");
        foreach (var rule in Rules)
        {
            writer.WriteStartObject();
            switch (rule.Target)
            {
                case RuleTarget.Field:
                    writer.WriteString("field", rule.Field);
                    writer.WriteString(rule.Like ? "like" : "equals", rule.Value);
                    break;
                case RuleTarget.Template:
                    writer.WriteString("template", rule.Value);
                    break;
                default:
                    writer.WriteString("entity", rule.Value);
                    break;
            }

            if (rule.Note is not null)
            {
                writer.WriteString("note", rule.Note);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
