using System.Globalization;
using System.Text;

namespace Switchyard.Replay;

/// <summary>Reads the Python list literal of one string that the recorded data wraps texts in: <c>['…']</c>.</summary>
public static class PythonLiteral
{
    /// <summary>
    /// The string inside <paramref name="literal"/>, unescaped, or null when it is not a list of one
    /// quoted string.
    /// </summary>
    public static string? UnwrapSingleStringList(string literal)
    {
        var text = literal.Trim();
        if (text.Length < 4 || text[0] != '[' || text[^1] != ']')
        {
            return null;
        }

        var inner = text[1..^1].Trim();
        if (inner.Length < 2 || (inner[0] != '\'' && inner[0] != '"') || inner[^1] != inner[0])
        {
            return null;
        }

        return Unescape(inner[1..^1], inner[0]);
    }

    private static string? Unescape(string body, char quote)
    {
        var result = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == quote)
            {
                // An unescaped closing quote inside: more than one string.
                return null;
            }

            if (c != '\\' || i == body.Length - 1)
            {
                result.Append(c);
                continue;
            }

            var next = body[++i];
            switch (next)
            {
                case 'n': result.Append('\n'); break;
                case 't': result.Append('\t'); break;
                case 'r': result.Append('\r'); break;
                case '\\': result.Append('\\'); break;
                case '\'': result.Append('\''); break;
                case '"': result.Append('"'); break;
                case 'x' when i + 2 < body.Length && TryHex(body.AsSpan(i + 1, 2), out var x):
                    result.Append((char)x);
                    i += 2;
                    break;
                case 'u' when i + 4 < body.Length && TryHex(body.AsSpan(i + 1, 4), out var u):
                    result.Append((char)u);
                    i += 4;
                    break;
                default:
                    result.Append('\\').Append(next);
                    break;
            }
        }

        return result.ToString();
    }

    private static bool TryHex(ReadOnlySpan<char> digits, out int value) =>
        int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
}
