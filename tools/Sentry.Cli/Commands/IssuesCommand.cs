using System.CommandLine;

namespace Sentry.Cli.Commands;

/// <summary><c>issues</c>: list, show and change issues.</summary>
internal static class IssuesCommand
{
    public static Command Create(ToolContext tool)
    {
        var command = new Command("issues", "List, show, resolve, assign, ignore, bookmark and delete issues.")
        {
            IssueListCommand.Create(tool),
            IssueShowCommand.Create(tool),
            IssueDeleteCommand.Create(tool),
            IssueBulkCommand.Create(tool),
        };
        foreach (var update in IssueUpdateCommands.Create(tool))
        {
            command.Subcommands.Add(update);
        }

        return command;
    }
}
