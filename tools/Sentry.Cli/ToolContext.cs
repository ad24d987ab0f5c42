using System.CommandLine;

namespace Sentry.Cli;

/// <summary>What every command's action needs: the global options to read and the host to write to.</summary>
internal sealed record ToolContext(GlobalOptions Globals, CliHost Host)
{
    /// <summary>Runs <paramref name="action"/> with a session that is disposed (with its client) when it ends.</summary>
    public void SetAction(Command command, Func<CliSession, ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var session = new CliSession(parse, Globals, Host);
            return await action(session, parse, cancellationToken);
        });
}
