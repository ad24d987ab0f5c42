using System.CommandLine;
using Sentry.Cli.Output;

namespace Sentry.Cli.Commands;

/// <summary><c>issues delete ID --yes</c>: schedules an issue and its events for deletion; refused without <c>--yes</c>.</summary>
internal static class IssueDeleteCommand
{
    public static Command Create(ToolContext tool)
    {
        var id = IssueArguments.Id();
        var yes = new Option<bool>("--yes", "-y") { Description = "Confirm: the issue and its events are deleted for good." };
        var command = new Command("delete", "Delete an issue and its events (needs the event:admin scope, and --yes).") { id, yes };
        tool.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var issueId = parse.GetRequiredValue(id);
            if (!parse.GetValue(yes))
            {
                throw new CliUsageException($"issues delete removes issue {TerminalText.Clean(issueId)} and its events for good; add --yes to confirm.");
            }

            var org = session.Org;
            await session.Client.Issues.DeleteIssueAsync(org, issueId, cancellationToken);
            if (session.Out.Json)
            {
                session.Out.Document(new { id = issueId, deleted = true });
            }
            else
            {
                session.Out.Text($"{TerminalText.Clean(issueId)}: scheduled for deletion");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
