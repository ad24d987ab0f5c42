using System.Text;

namespace Sentry.OpenApi;

/// <summary>
/// Parses Sentry's <c>Link</c> header (RFC 8288 with Sentry's <c>results</c> and <c>cursor</c>
/// attributes): entries in either order, any spacing, folded over lines, quoted or bare values.
/// </summary>
public static class SentryLinkHeader
{
    /// <summary>Parses <paramref name="header"/>; a malformed header is a <see cref="FormatException"/> naming the position.</summary>
    public static SentryLinks Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return SentryLinks.None;
        }

        SentryLink? previous = null, next = null;
        var reader = new Reader(header!);
        while (true)
        {
            reader.SkipSpace();
            if (reader.AtEnd)
            {
                break;
            }

            var link = ReadLink(reader);
            switch (link.Rel)
            {
                case "next":
                    next = link;
                    break;
                case "previous" or "prev":
                    previous = link.Rel == "previous" ? link : link with { Rel = "previous" };
                    break;
            }

            reader.SkipSpace();
            if (reader.AtEnd)
            {
                break;
            }

            reader.Expect(',');
        }

        return new SentryLinks(previous, next);
    }

    private static SentryLink ReadLink(Reader reader)
    {
        reader.Expect('<');
        var urlText = reader.ReadUntil('>');
        reader.Expect('>');
        if (!Uri.TryCreate(urlText.Trim(), UriKind.Absolute, out var url))
        {
            throw reader.Error($"'{urlText}' is not an absolute URL");
        }

        // Only three attributes matter, so no dictionary per link (every page parses two links); the last of a
        // repeated one wins, names case-insensitive, as before.
        string? rel = null, resultsText = null, cursor = null;
        while (true)
        {
            reader.SkipSpace();
            if (reader.AtEnd || reader.Peek == ',')
            {
                break;
            }

            reader.Expect(';');
            reader.SkipSpace();
            var name = reader.ReadToken();
            if (name.Length == 0)
            {
                throw reader.Error("expected an attribute name after ';'");
            }

            reader.SkipSpace();
            var value = "";
            if (!reader.AtEnd && reader.Peek == '=')
            {
                reader.Expect('=');
                reader.SkipSpace();
                value = reader.ReadValue();
            }

            if (name.Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                rel = value;
            }
            else if (name.Equals("results", StringComparison.OrdinalIgnoreCase))
            {
                resultsText = value;
            }
            else if (name.Equals("cursor", StringComparison.OrdinalIgnoreCase))
            {
                cursor = value;
            }
        }

        if (string.IsNullOrEmpty(rel))
        {
            throw reader.Error($"the link to {url} has no rel attribute");
        }

        var results = resultsText is null || !string.Equals(resultsText, "false", StringComparison.OrdinalIgnoreCase);
        cursor ??= CursorFromQuery(url);
        return new SentryLink(url, rel!.ToLowerInvariant(), results, string.IsNullOrEmpty(cursor) ? null : cursor);
    }

    private static string? CursorFromQuery(Uri url)
    {
        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            if (kv[0] == "cursor" && kv.Length == 2)
            {
                return Uri.UnescapeDataString(kv[1]);
            }
        }

        return null;
    }

    private sealed class Reader(string text)
    {
        private int _position;

        public bool AtEnd => _position >= text.Length;

        public char Peek => text[_position];

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(Peek))
            {
                _position++;
            }
        }

        public void Expect(char c)
        {
            if (AtEnd || Peek != c)
            {
                throw Error($"expected '{c}'");
            }

            _position++;
        }

        public string ReadUntil(char stop)
        {
            var start = _position;
            while (!AtEnd && Peek != stop)
            {
                _position++;
            }

            if (AtEnd)
            {
                throw Error($"missing '{stop}'");
            }

            return text[start.._position];
        }

        public string ReadToken()
        {
            var start = _position;
            while (!AtEnd && (char.IsLetterOrDigit(Peek) || Peek is '-' or '_' or '*'))
            {
                _position++;
            }

            return text[start.._position];
        }

        public string ReadValue()
        {
            if (AtEnd || Peek != '"')
            {
                var start = _position;
                while (!AtEnd && Peek is not (';' or ',') && !char.IsWhiteSpace(Peek))
                {
                    _position++;
                }

                return text[start.._position];
            }

            _position++;
            // Without a backslash the value is a plain slice; only an escaped one is built up.
            var close = text.IndexOf('"', _position);
            if (close >= 0 && text.AsSpan(_position, close - _position).IndexOf('\\') < 0)
            {
                var plain = text[_position..close];
                _position = close + 1;
                return plain;
            }

            var value = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error("unterminated quoted value");
                }

                var c = text[_position++];
                if (c == '"')
                {
                    return value.ToString();
                }

                if (c == '\\' && !AtEnd)
                {
                    c = text[_position++];
                }

                value.Append(c);
            }
        }

        public FormatException Error(string problem)
        {
            var excerpt = text.Length > 200 ? text[..200] + "…" : text;
            return new FormatException($"Malformed Link header at character {_position + 1}: {problem}. Header: {excerpt.ReplaceLineEndings(" ")}");
        }
    }
}
