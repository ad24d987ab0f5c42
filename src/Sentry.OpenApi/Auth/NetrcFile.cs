using System.Text;

namespace Sentry.OpenApi.Auth;

/// <summary>
/// A parsed <c>.netrc</c> file: <c>machine NAME</c> and <c>default</c> entries with their <c>login</c>,
/// <c>password</c> and <c>account</c>, words separated by any whitespace (newlines included),
/// <c>#</c> comments to the end of the line, and <c>macdef NAME</c> bodies skipped up to the next blank
/// line. A missing file has no entries. Error messages give the file and line, never a word of the file,
/// since any word might be a secret.
/// </summary>
internal sealed class NetrcFile
{
    private const string KeywordList = "machine, default, login, password, account or macdef";

    private NetrcFile(string path, IReadOnlyList<NetrcEntry> entries)
    {
        Path = path;
        Entries = entries;
    }

    /// <summary>The file this was read from.</summary>
    public string Path { get; }

    /// <summary>The entries in file order; <c>default</c> has a null <see cref="NetrcEntry.Machine"/>.</summary>
    public IReadOnlyList<NetrcEntry> Entries { get; }

    /// <summary>The <c>default</c> entry, if any (the first one).</summary>
    public NetrcEntry? Default => Entries.FirstOrDefault(e => e.Machine is null);

    /// <summary>Reads <paramref name="path"/>; a file that does not exist has no entries.</summary>
    /// <exception cref="IOException">The file exists but cannot be read.</exception>
    /// <exception cref="FormatException">The file is malformed (the message names the file and line).</exception>
    public static NetrcFile Load(string path)
    {
        string text;
        try
        {
            if (!File.Exists(path))
            {
                return new NetrcFile(path, []);
            }

            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            if (e is FileNotFoundException or DirectoryNotFoundException)
            {
                return new NetrcFile(path, []); // Removed between the check and the read.
            }

            throw new IOException($"Cannot read {path}: {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses the text of a netrc file; <paramref name="path"/> names it in error messages.</summary>
    /// <exception cref="FormatException">The text is malformed.</exception>
    public static NetrcFile Parse(string text, string path)
    {
        var lexer = new Lexer(text, path);
        var entries = new List<NetrcEntry>();
        NetrcEntry? current = null;
        while (lexer.Next() is { } word)
        {
            switch (word.Text)
            {
                case "machine":
                    Add(entries, current);
                    current = new NetrcEntry(lexer.ValueOf(word));
                    break;
                case "default":
                    Add(entries, current);
                    current = new NetrcEntry(null);
                    break;
                case "login":
                    current = RequireEntry(current, word, lexer) with { Login = lexer.ValueOf(word) };
                    break;
                case "password":
                    current = RequireEntry(current, word, lexer) with { Password = lexer.ValueOf(word) };
                    break;
                case "account":
                    current = RequireEntry(current, word, lexer) with { Account = lexer.ValueOf(word) };
                    break;
                case "macdef":
                    // A macro belongs to ftp; its body is free text (may contain keywords), not entries.
                    lexer.ValueOf(word);
                    lexer.SkipMacroBody();
                    break;
                default:
                    throw lexer.Error(word.Line, $"expected one of {KeywordList}, found another word");
            }
        }

        Add(entries, current);
        return new NetrcFile(path, entries);
    }

    /// <summary>The first <c>machine</c> entry for <paramref name="host"/> (case-insensitive), if any.</summary>
    public NetrcEntry? FindMachine(string host) =>
        Entries.FirstOrDefault(e => e.Machine is not null && string.Equals(e.Machine, host, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The entry that answers for <paramref name="host"/>, as in curl: the first <c>machine</c> entry for it,
    /// else the <c>default</c> entry. A matching machine entry ends the search even without a password.
    /// </summary>
    public NetrcEntry? FindEntry(string host) => FindMachine(host) ?? Default;

    /// <summary>The password of <see cref="FindEntry"/>'s entry; null when it has none (the default is then not tried).</summary>
    public string? FindPassword(string host) => FindEntry(host)?.Password;

    private static void Add(List<NetrcEntry> entries, NetrcEntry? entry)
    {
        if (entry is not null)
        {
            entries.Add(entry);
        }
    }

    private static NetrcEntry RequireEntry(NetrcEntry? current, Word word, Lexer lexer) =>
        current ?? throw lexer.Error(word.Line, $"'{word.Text}' must follow a 'machine NAME' or 'default'");

    private readonly record struct Word(string Text, int Line);

    // Splits the text into words, tracking lines for error messages.
    private sealed class Lexer(string text, string path)
    {
        private int _position;
        private int _line = 1;

        public Word? Next()
        {
            while (_position < text.Length)
            {
                var c = text[_position];
                if (c == '#')
                {
                    SkipToEndOfLine();
                }
                else if (char.IsWhiteSpace(c))
                {
                    Advance();
                }
                else
                {
                    return ReadWord();
                }
            }

            return null;
        }

        /// <summary>The word after <paramref name="keyword"/>; a keyword at the end of the file is an error.</summary>
        public string ValueOf(Word keyword)
        {
            // Comments are not skipped here: '#' is a legal first character of a password.
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                Advance();
            }

            return _position < text.Length
                ? ReadWord().Text
                : throw Error(keyword.Line, $"'{keyword.Text}' must be followed by a value");
        }

        /// <summary>Skips the rest of the macdef line, then lines up to and including the next blank one.</summary>
        public void SkipMacroBody()
        {
            SkipToEndOfLine();
            while (_position < text.Length)
            {
                Advance(); // the newline that ended the previous line
                var start = _position;
                SkipToEndOfLine();
                if (string.IsNullOrWhiteSpace(text[start.._position]))
                {
                    return;
                }
            }
        }

        public FormatException Error(int line, string problem) => new($"{path} line {line}: {problem}.");

        private Word ReadWord()
        {
            var line = _line;
            if (text[_position] == '"')
            {
                return new Word(ReadQuoted(line), line);
            }

            var start = _position;
            while (_position < text.Length && !char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }

            return new Word(text[start.._position], line);
        }

        // curl's form: "a value with spaces", with \" \\ \n \r \t escapes.
        private string ReadQuoted(int line)
        {
            var value = new StringBuilder();
            Advance();
            while (_position < text.Length)
            {
                var c = text[_position];
                Advance();
                if (c == '"')
                {
                    return value.ToString();
                }

                if (c == '\\' && _position < text.Length)
                {
                    var escaped = text[_position];
                    Advance();
                    value.Append(escaped switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escaped });
                }
                else
                {
                    value.Append(c);
                }
            }

            throw Error(line, "a quoted value has no closing '\"'");
        }

        private void SkipToEndOfLine()
        {
            while (_position < text.Length && text[_position] != '\n')
            {
                _position++;
            }
        }

        private void Advance()
        {
            if (text[_position] == '\n')
            {
                _line++;
            }

            _position++;
        }
    }
}
