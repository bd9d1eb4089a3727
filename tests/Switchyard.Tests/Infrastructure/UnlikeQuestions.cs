namespace Switchyard.Tests.Infrastructure;

/// <summary>
/// Questions unlike each other in every word, so that a test sending several at once to one tenant
/// cannot see one served by meaning from another's entry. Each call tags them with a fresh run id.
/// </summary>
public static class UnlikeQuestions
{
    private static readonly string[] Questions =
    [
        "How do I rotate the database credentials?", "What time does the Lisbon office open?", "Which printers support duplex scanning?",
        "Why did the invoice export fail yesterday?", "Can interns book the large meeting room?", "Where are the quarterly tax filings stored?",
        "Who approves travel above two thousand euros?", "When will the mobile app drop Android nine?", "Is parental leave paid for contractors?",
        "How many vacation days carry over into March?", "What is the refund policy for annual plans?", "Does the VPN work from hotel networks?",
        "Which cloud region hosts customer backups?", "How should we label hazardous lab waste?", "Are pets allowed in the Berlin warehouse?",
        "What font does the brand guide require?",
    ];

    /// <summary><paramref name="count"/> questions (at most 16), tagged with a run id so no earlier test cached them.</summary>
    public static List<string> Take(int count)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        return [.. Questions.Take(count).Select(q => $"{q} ({run})")];
    }

    /// <summary>A rewording the local embedder recognises: lower case, no question mark.</summary>
    public static string Reworded(string question) => question.ToLowerInvariant().Replace("?", "", StringComparison.Ordinal);
}
