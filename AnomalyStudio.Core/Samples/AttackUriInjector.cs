using System.Text;

namespace AnomalyStudio.Core.Samples;

/// <summary>
/// Builds a labelled attack test from real traffic: replaces the URI of a seeded sample of an access log's requests
/// with public attack payloads (a payload that starts with '/' replaces the path, any other becomes the value of the
/// request's first parameter, or of a new one), leaving every other byte of those lines (client, time, status, size,
/// referrer, agent) as it was. A detector then has to find the attacks by their URI alone.
/// </summary>
public static class AttackUriInjector
{
    /// <summary>The injected log's lines and, per line, whether it carries an attack.</summary>
    public sealed record Injected(IReadOnlyList<string> Lines, bool[] Labels)
    {
        public string Text => string.Join('\n', Lines) + "\n";
    }

    /// <summary>Reads payloads, one per line; '#' lines and blank lines are comments.</summary>
    public static IReadOnlyList<string> ReadPayloads(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    public static Injected Inject(IReadOnlyList<string> lines, IReadOnlyList<string> payloads, int count, int seed)
    {
        var random = new Random(seed);
        var candidates = Enumerable.Range(0, lines.Count).Where(i => RequestBounds(lines[i]) is not null).ToArray();
        random.Shuffle(candidates);
        var chosen = candidates.Take(Math.Min(count, candidates.Length)).ToHashSet();
        var result = new string[lines.Count];
        var labels = new bool[lines.Count];
        var next = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            result[i] = lines[i];
            if (!chosen.Contains(i))
            {
                continue;
            }

            var (start, end) = RequestBounds(lines[i])!.Value;
            var uri = lines[i][start..end];
            result[i] = string.Concat(lines[i].AsSpan(0, start), WithPayload(uri, payloads[next++ % payloads.Count]), lines[i].AsSpan(end));
            labels[i] = true;
        }

        return new Injected(result, labels);
    }

    private static string WithPayload(string uri, string payload)
    {
        var encoded = Encode(payload);
        if (payload.StartsWith('/'))
        {
            return encoded;
        }

        var query = uri.IndexOf('?');
        if (query < 0)
        {
            return $"{uri}?id={encoded}";
        }

        var equals = uri.IndexOf('=', query);
        var amp = uri.IndexOf('&', query);
        return equals < 0 ? $"{uri}={encoded}" : string.Concat(uri.AsSpan(0, equals + 1), encoded, amp > equals ? uri.AsSpan(amp) : "");
    }

    /// <summary>Spaces, quotes and control characters percent-encoded, as a client must send them; the rest as the payload has it.</summary>
    private static string Encode(string payload)
    {
        var builder = new StringBuilder(payload.Length + 16);
        foreach (var c in payload)
        {
            if (c is ' ' or '"' or '\\' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Where the URI of a combined/common log line's request ("GET /uri HTTP/1.1") starts and ends.</summary>
    private static (int Start, int End)? RequestBounds(string line)
    {
        var quote = line.IndexOf("] \"", StringComparison.Ordinal);
        if (quote < 0)
        {
            return null;
        }

        var methodEnd = line.IndexOf(' ', quote + 3);
        var uriEnd = methodEnd < 0 ? -1 : line.IndexOf(' ', methodEnd + 1);
        var close = line.IndexOf('"', quote + 3);
        return methodEnd < 0 || uriEnd < 0 || uriEnd > close ? null : (methodEnd + 1, uriEnd);
    }
}
