using System.CommandLine;
using Sentry.Cli.Api;
using Sentry.Cli.Commands;

namespace Sentry.Cli;

/// <summary>
/// The <c>sentry-api</c> command line: issues, events, tags, projects and the organization of the reference
/// workflows, and <c>api</c> for any other endpoint. Built on Sentry.OpenApi's public client only.
/// </summary>
public static class SentryCli
{
    /// <summary>Runs the tool with <paramref name="args"/> and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(host);
        var globals = new GlobalOptions();
        var tool = new ToolContext(globals, host);
        var root = new RootCommand("sentry-api: Sentry's REST API from the terminal. Tables for people, --json for scripts. "
            + "Auth: --token, else SENTRY_AUTH_TOKEN, else the ~/.netrc entry for the API host. "
            + "Exit codes: 0 ok, 1 API error, 2 usage, 3 no auth token.")
        {
            IssuesCommand.Create(tool),
            EventsCommand.Create(tool),
            TagsCommand.Create(tool),
            ProjectsCommand.Create(tool),
            OrgCommand.Create(tool),
            ApiCommand.Create(tool),
        };
        foreach (var option in globals.All)
        {
            root.Options.Add(option);
        }

        // No response files: '@' starts a value here (--data @body.json), not a file of more arguments.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                host.Error.WriteLine($"error: {problem.Message}");
            }

            host.Error.WriteLine("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = host.Output, Error = host.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (Exception e)
        {
            return ErrorReport.Write(e, host.Error, parse.GetValue(globals.Verbose));
        }
    }
}
