using System.CommandLine;
using Sentry.Cli.Output;
using Sentry.OpenApi;

namespace Sentry.Cli.Commands;

/// <summary><c>issues show ID</c>: one issue's details.</summary>
internal static class IssueShowCommand
{
    public static Command Create(ToolContext tool)
    {
        var id = IssueArguments.Id();
        var command = new Command("show", "Show one issue: title, status, counts, first and last seen, assignee, link.") { id };
        tool.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var org = session.Org;
            var issue = await session.Client.Issues.RetrieveIssueAsync(org, parse.GetRequiredValue(id), cancellationToken);
            session.Out.Show(issue, Describe);

            return ExitCodes.Ok;
        });
        return command;
    }

    public static Details Describe(Issue issue) => new Details()
        .Add("id", issue.Id)
        .Add("short id", issue.ShortId)
        .Add("title", issue.Title)
        .Add("culprit", issue.Culprit)
        .Add("status", issue.Substatus is { Length: > 0 } sub ? $"{issue.Status} ({sub})" : issue.Status)
        .Add("level", issue.Level)
        .Add("events", issue.Count)
        .Add("users", Format.Number(issue.UserCount))
        .Add("first seen", Format.Instant(issue.FirstSeen))
        .Add("last seen", Format.Instant(issue.LastSeen))
        .Add("assigned to", Assignee(issue.AssignedTo))
        .Add("project", issue.Project?.Slug)
        .Add("bookmarked", issue.IsBookmarked == true ? "yes" : null)
        .Add("link", issue.Permalink);

    public static string? Assignee(Actor? actor) => actor switch
    {
        null => null,
        { Type: "team" } => $"team:{actor.Name ?? actor.Id}",
        _ => actor.Email is { Length: > 0 } email && email != actor.Name ? $"{actor.Name} <{email}>" : actor.Name ?? actor.Id,
    };
}
