using System.CommandLine;
using Sentry.Cli.Output;
using Sentry.OpenApi;

namespace Sentry.Cli.Commands;

/// <summary>
/// The one-issue updates (<c>PUT /organizations/{org}/issues/{id}/</c>): resolve, assign, unassign, ignore,
/// bookmark. Each sends only the fields it changes; the library writes <c>{"assignedTo": null}</c> for unassign.
/// </summary>
internal static class IssueUpdateCommands
{
    public static IEnumerable<Command> Create(ToolContext tool) => [Resolve(tool), Assign(tool), Unassign(tool), Ignore(tool), Bookmark(tool)];

    private static Command Resolve(ToolContext tool)
    {
        var ids = IssueArguments.Ids();
        var nextRelease = new Option<bool>("--in-next-release") { Description = "Resolve in the next release (status resolvedInNextRelease)." };
        var command = new Command("resolve", "Resolve issues, one request each (for many issues of one project, see 'issues bulk').") { ids, nextRelease };
        tool.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var status = parse.GetValue(nextRelease) ? IssueUpdateStatus.ResolvedInNextRelease : IssueUpdateStatus.Resolved;
            var org = session.Org;
            var results = new List<IssueDetails>();
            foreach (var id in parse.GetRequiredValue(ids).Distinct(StringComparer.Ordinal))
            {
                // One at a time: on a failure, the ones before it are done and the message says which failed.
                results.Add(await session.Client.Issues.UpdateIssueAsync(org, id, new IssueUpdate { Status = status }, cancellationToken));
                if (!session.Out.Json)
                {
                    session.Out.Text($"resolved {TerminalText.Clean(id)}{(status == IssueUpdateStatus.ResolvedInNextRelease ? " in the next release" : "")}");
                }
            }

            if (session.Out.Json)
            {
                session.Out.Document(results);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Assign(ToolContext tool)
    {
        var id = IssueArguments.Id();
        var assignee = new Argument<string>("ASSIGNEE") { Description = "A user (username, email or id) or a team (team:SLUG or #SLUG; the team's id is looked up)." };
        var command = new Command("assign", "Assign an issue to a user or a team.") { id, assignee };
        tool.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var who = parse.GetRequiredValue(assignee).Trim();
            var team = who.StartsWith('#') ? who[1..] : who.StartsWith("team:", StringComparison.Ordinal) ? who["team:".Length..] : null;
            if (who.Length == 0 || team is { Length: 0 })
            {
                throw new CliUsageException("assign: ASSIGNEE is empty; to clear the assignee use 'issues unassign'.");
            }

            var org = session.Org;
            var value = who;
            if (team is not null)
            {
                // Sentry's assignedTo names a team by id (team:4); people and its search use the slug.
                value = "team:" + (team.All(char.IsAsciiDigit) ? team : (await session.Client.Teams.RetrieveTeamAsync(org, team, cancellationToken)).Id);
            }

            var shown = value == who ? TerminalText.Clean(who) : $"{TerminalText.Clean(who)} ({TerminalText.Clean(value)})";
            return await UpdateAsync(session, org, parse.GetRequiredValue(id), new IssueUpdate { AssignedTo = value }, $"assigned to {shown}", cancellationToken);
        });
        return command;
    }

    private static Command Unassign(ToolContext tool)
    {
        var id = IssueArguments.Id();
        var command = new Command("unassign", "Clear an issue's assignee.") { id };
        tool.SetAction(command, (session, parse, cancellationToken) =>
            UpdateAsync(session, session.Org, parse.GetRequiredValue(id), IssueUpdate.Unassign(), "unassigned", cancellationToken));
        return command;
    }

    private static Command Ignore(ToolContext tool)
    {
        var id = IssueArguments.Id();
        var count = new Option<int?>("--count") { Description = "Until it has been seen this many more times (statusDetails.ignoreCount).", HelpName = "N" };
        var minutes = new Option<int?>("--minutes") { Description = "For this many minutes (statusDetails.ignoreDuration).", HelpName = "N" };
        foreach (var option in new[] { count, minutes })
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int?>() is < 1)
                {
                    result.AddError($"{option.Name} must be at least 1.");
                }
            });
        }

        var command = new Command("ignore", "Ignore (archive) an issue: for good, or until it has been seen --count more times, or for --minutes.") { id, count, minutes };
        tool.SetAction(command, (session, parse, cancellationToken) =>
        {
            var times = parse.GetValue(count);
            var duration = parse.GetValue(minutes);
            var update = new IssueUpdate { Status = IssueUpdateStatus.Ignored };
            if (times is not null || duration is not null)
            {
                update.StatusDetails = new IssueStatusDetailsUpdate { IgnoreCount = times, IgnoreDuration = duration };
            }

            var until = (times, duration) switch
            {
                ({ } n, { } m) => $" for {m} minutes or {n} more events",
                ({ } n, null) => $" until {n} more events",
                (null, { } m) => $" for {m} minutes",
                _ => "",
            };
            return UpdateAsync(session, session.Org, parse.GetRequiredValue(id), update, "ignored" + until, cancellationToken);
        });
        return command;
    }

    private static Command Bookmark(ToolContext tool)
    {
        var id = IssueArguments.Id();
        var remove = new Option<bool>("--remove") { Description = "Remove the bookmark instead." };
        var command = new Command("bookmark", "Bookmark an issue (for the token's user).") { id, remove };
        tool.SetAction(command, (session, parse, cancellationToken) =>
        {
            var off = parse.GetValue(remove);
            return UpdateAsync(session, session.Org, parse.GetRequiredValue(id), new IssueUpdate { IsBookmarked = !off }, off ? "bookmark removed" : "bookmarked", cancellationToken);
        });
        return command;
    }

    private static async Task<int> UpdateAsync(CliSession session, string org, string id, IssueUpdate update, string done, CancellationToken cancellationToken)
    {
        var issue = await session.Client.Issues.UpdateIssueAsync(org, id, update, cancellationToken);
        if (session.Out.Json)
        {
            session.Out.Document(issue);
        }
        else
        {
            session.Out.Text($"{TerminalText.Clean(id)}: {done}");
        }

        return ExitCodes.Ok;
    }
}
