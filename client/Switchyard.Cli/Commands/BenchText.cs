namespace Switchyard.Cli.Commands;

/// <summary>
/// Question-like sentences for the cache benchmark, drawn from a fixed vocabulary with a seeded random
/// source: many share words (as real users' questions do), so neighbours are close and the index has
/// to tell near-duplicates apart rather than separate random noise.
/// </summary>
internal sealed class BenchText(int seed)
{
    private static readonly string[] Openers =
    [
        "how do i", "what is the best way to", "why does my", "can i", "is it possible to", "what happens if i",
        "how can we", "should i", "where can i", "when should i", "what is a good way to", "how to",
    ];

    private static readonly string[] Verbs =
    [
        "install", "configure", "reset", "delete", "export", "import", "upgrade", "restore", "monitor", "debug",
        "cache", "deploy", "secure", "share", "rename", "merge", "split", "encrypt", "compress", "schedule",
        "sync", "backup", "migrate", "test", "profile", "index", "sort", "filter", "convert", "validate",
    ];

    private static readonly string[] Adjectives =
    [
        "old", "new", "large", "small", "shared", "private", "remote", "local", "broken", "slow", "fast", "empty",
        "encrypted", "hidden", "default", "custom", "nested", "temporary", "cloud", "offline",
    ];

    private static readonly string[] Nouns =
    [
        "database", "password", "account", "laptop", "phone", "printer", "router", "server", "spreadsheet", "photo",
        "video", "playlist", "calendar", "invoice", "budget", "garden", "bicycle", "recipe", "resume", "website",
        "folder", "repository", "container", "cluster", "certificate", "keyboard", "monitor", "battery", "email",
        "contract", "mortgage", "visa", "passport", "ticket", "flight", "hotel", "camera", "drone", "guitar", "piano",
    ];

    private static readonly string[] Qualifiers =
    [
        "on windows", "on linux", "on a mac", "in python", "in java", "in excel", "without losing data",
        "for free", "in the uk", "in india", "at home", "for beginners", "quickly", "safely", "every night",
        "with a script", "from the command line", "in 2026", "for a small business", "on android", "on iphone",
    ];

    private readonly Random _random = new(seed);

    /// <summary>A new question.</summary>
    public string Next() => string.Join(' ',
        Pick(Openers), Pick(Verbs), "my", Pick(Adjectives), Pick(Nouns), "and", Pick(Adjectives), Pick(Nouns), Pick(Qualifiers), _random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A rewording of <paramref name="question"/>: one of its words replaced, as a user retyping it would.</summary>
    public string Reword(string question)
    {
        var words = question.Split(' ');
        words[_random.Next(words.Length)] = Pick(Nouns);
        return string.Join(' ', words);
    }

    /// <summary>
    /// <paramref name="question"/> as someone retyping it would ask it again: capitalised, with a question mark, and
    /// one of its function words changed ("my" to "the"). The embedder is meant to match such a pair, so a cache
    /// should answer it from the original's entry.
    /// </summary>
    public static string Retype(string question) =>
        string.Concat(char.ToUpperInvariant(question[0]).ToString(), question.AsSpan(1).ToString().Replace(" my ", " the ", StringComparison.Ordinal), "?");

    private string Pick(string[] options) => options[_random.Next(options.Length)];
}
