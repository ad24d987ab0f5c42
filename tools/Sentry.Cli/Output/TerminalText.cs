using System.Globalization;
using System.Text;

namespace Sentry.Cli.Output;

/// <summary>
/// Makes text from Sentry safe to print on a terminal. Issue titles, messages and tag values are written by
/// whoever sends events, so an escape sequence in them could move the cursor, rewrite earlier lines or set
/// the window title; control and bidirectional-override characters are shown as <c>\uXXXX</c> instead.
/// </summary>
internal static class TerminalText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!text.Any(IsUnsafe))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\t')
            {
                clean.Append(' '); // one record per line
            }
            else if (IsUnsafe(c))
            {
                clean.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    // C0, DEL and C1 controls (C1 0x9B is a one-byte CSI on some terminals); bidi embeddings, overrides and isolates.
    private static bool IsUnsafe(char c) => char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
