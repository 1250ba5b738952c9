namespace AnomalyStudio.Core.Features.Text;

/// <summary>
/// Words with which a log message says something went wrong (error, failed, refused, timed out, terminated …), as
/// whole words in lower-cased text. Like a level, they are evidence of trouble whatever their frequency in the file;
/// in a log without a level column they are the only such sign.
/// </summary>
public static class AlarmWords
{
    private static readonly HashSet<string> Words = new(
        ["error", "errors", "fail", "failed", "failure", "failures", "fatal", "exception", "severed", "terminated", "refused",
         "denied", "timeout", "abort", "aborted", "panic", "corrupt", "corrupted", "invalid", "unable", "cannot", "lost", "killed",
         "segfault", "critical", "crash", "crashed", "unreachable", "overflow"],
        StringComparer.Ordinal);

    /// <summary>How many distinct alarm words the lower-cased <paramref name="text"/> holds.</summary>
    public static int Count(ReadOnlySpan<char> text) => Find(text)?.Count ?? 0;

    /// <summary>The first alarm word of the lower-cased <paramref name="text"/>, for an explanation; null when there is none.</summary>
    public static string? First(ReadOnlySpan<char> text) => Find(text)?.First();

    private static List<string>? Find(ReadOnlySpan<char> text)
    {
        var lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        List<string>? seen = null;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsAsciiLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (lookup.TryGetValue(text[start..i], out var word))
                {
                    seen ??= [];
                    if (!seen.Contains(word))
                    {
                        seen.Add(word);
                    }
                }

                start = -1;
            }
        }

        return seen;
    }
}
