using System.Globalization;
using System.Text;

namespace Switchyard.Replay;

/// <summary>
/// Reads the Python list literal of strings that the recorded data wraps texts in: <c>['…']</c>
/// (usually one string; a few recorded prompts hold several turns: <c>['…', '…']</c>).
/// </summary>
public static class PythonLiteral
{
    /// <summary>
    /// The strings of <paramref name="literal"/>, unescaped and joined by a blank line, or null when it
    /// is not a list of one or more quoted strings.
    /// </summary>
    public static string? UnwrapStringList(string literal)
    {
        var text = literal.Trim();
        if (text.Length < 4 || text[0] != '[' || text[^1] != ']')
        {
            return null;
        }

        var parts = new List<string>();
        var at = 1;
        while (true)
        {
            at = SkipSpaces(text, at);
            if (at >= text.Length - 1 || (text[at] != '\'' && text[at] != '"'))
            {
                return null;
            }

            var (part, end) = ReadString(text, at);
            if (part is null)
            {
                return null;
            }

            parts.Add(part);
            at = SkipSpaces(text, end);
            if (at == text.Length - 1)
            {
                return string.Join("\n\n", parts);
            }

            if (text[at] != ',')
            {
                return null;
            }

            at++;
        }
    }

    private static int SkipSpaces(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    /// <summary>Reads the quoted string starting at <paramref name="start"/>; returns it and the index after its closing quote.</summary>
    private static (string? Value, int End) ReadString(string text, int start)
    {
        var quote = text[start];
        var result = new StringBuilder();
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == quote)
            {
                return (result.ToString(), i + 1);
            }

            if (c != '\\' || i == text.Length - 1)
            {
                result.Append(c);
                continue;
            }

            var next = text[++i];
            switch (next)
            {
                case 'n': result.Append('\n'); break;
                case 't': result.Append('\t'); break;
                case 'r': result.Append('\r'); break;
                case '\\': result.Append('\\'); break;
                case '\'': result.Append('\''); break;
                case '"': result.Append('"'); break;
                case 'x' when i + 2 < text.Length && TryHex(text.AsSpan(i + 1, 2), out var x):
                    result.Append((char)x);
                    i += 2;
                    break;
                case 'u' when i + 4 < text.Length && TryHex(text.AsSpan(i + 1, 4), out var u):
                    result.Append((char)u);
                    i += 4;
                    break;
                default:
                    result.Append('\\').Append(next);
                    break;
            }
        }

        return (null, text.Length);
    }

    private static bool TryHex(ReadOnlySpan<char> digits, out int value) =>
        int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
}
