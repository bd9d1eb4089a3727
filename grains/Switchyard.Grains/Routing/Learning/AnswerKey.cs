using System.Security.Cryptography;
using System.Text;

namespace Switchyard.Routing.Learning;

/// <summary>
/// A short digest of an answer's normalised text (trimmed, case-folded, whitespace collapsed,
/// trailing punctuation dropped), so that two tiers' answers can be compared for agreement without
/// keeping or sending the text itself.
/// </summary>
public static class AnswerKey
{
    /// <summary>The key of <paramref name="answer"/>.</summary>
    public static string Of(string answer)
    {
        var normalised = string.Join(' ', answer.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .TrimEnd('.', '!', ';', ',', ')')
            .ToLowerInvariant();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)).AsSpan(0, 12));
    }
}
