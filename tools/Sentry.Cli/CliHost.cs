namespace Sentry.Cli;

/// <summary>
/// What the tool reads from and writes to: standard output (results), standard error (progress, errors),
/// the environment (<c>SENTRY_ORG</c>), and the terminal width tables may use. Tests pass their own.
/// </summary>
/// <param name="Output">Results: tables, JSON documents, JSON lines.</param>
/// <param name="Error">Errors, hints and progress, so <see cref="Output"/> stays parseable.</param>
/// <param name="Environment">Looks up an environment variable; null when unset.</param>
public sealed record CliHost(TextWriter Output, TextWriter Error, Func<string, string?> Environment)
{
    /// <summary>The terminal's width in columns, when the output is a terminal; tables are then cut to fit.</summary>
    public int? Width { get; init; }

    /// <summary>Standard input, read where a command takes <c>-</c> for its ids (<c>issues bulk ... -</c>).</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>The process console and environment.</summary>
    public static CliHost FromConsole() => new(Console.Out, Console.Error, System.Environment.GetEnvironmentVariable)
    {
        Width = Console.IsOutputRedirected ? null : TerminalWidth(),
        Input = Console.In,
    };

    private static int? TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null; // no terminal after all
        }
    }
}
