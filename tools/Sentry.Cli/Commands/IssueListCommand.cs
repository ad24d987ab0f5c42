using System.CommandLine;
using Sentry.Cli.Output;
using Sentry.OpenApi;

namespace Sentry.Cli.Commands;

/// <summary><c>issues list</c>: the organization's issues, filtered, sorted, one page or all of them.</summary>
internal static class IssueListCommand
{
    // Sentry's largest page: a walk takes as few requests as it can.
    private const int MaxPageSize = 100;

    public static readonly Rows<Issue> Rows = new(
        [new("ID"), new("SHORT ID"), new("STATUS"), new("LEVEL"), new("EVENTS", AlignRight: true), new("USERS", AlignRight: true), new("LAST SEEN"), new("TITLE")],
        issue => [issue.Id, issue.ShortId, issue.Status, issue.Level, issue.Count, Format.Number(issue.UserCount), Format.Time(issue.LastSeen), issue.Title]);

    public static Command Create(ToolContext tool)
    {
        var search = new IssueSearchOptions();
        var list = new ListOptions();
        var sort = new Option<string>("--sort")
        {
            Description = "Order: date (last seen, the default), new (first seen), freq (events), user (users), trends, inbox.",
        }.AcceptOnlyFromAmong(SentryIssueSort.Date, SentryIssueSort.New, SentryIssueSort.Freq, SentryIssueSort.User, SentryIssueSort.Trends, SentryIssueSort.Inbox);
        var project = new Option<long[]>("--project", "-p") { Description = "Project id (numeric); repeat for several; -1 for all projects.", HelpName = "ID" };
        var environment = new Option<string[]>("--environment", "-e") { Description = "Environment; repeat for several.", HelpName = "ENV" };
        var limit = new Option<int?>("--limit", "-n") { Description = $"Issues per page, 1 to {MaxPageSize} (Sentry's default is 25; --all uses {MaxPageSize}).", HelpName = "N" };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > MaxPageSize)
            {
                result.AddError($"--limit must be 1 to {MaxPageSize} (Sentry's largest page).");
            }
        });

        var command = new Command("list", "List the organization's issues (unresolved ones unless the search says otherwise).");
        search.AddTo(command);
        command.Options.Add(sort);
        command.Options.Add(project);
        command.Options.Add(environment);
        command.Options.Add(limit);
        list.AddTo(command);
        tool.SetAction(command, (session, parse, cancellationToken) =>
        {
            var all = parse.GetValue(list.All);
            var options = new ListOrganizationIssuesOptions
            {
                Query = search.Build(parse),
                Sort = parse.GetValue(sort) is { } order ? Enum.Parse<IssueSort>(order, ignoreCase: true) : null,
                Project = parse.GetValue(project) is { Length: > 0 } ids ? ids : null,
                Environment = parse.GetValue(environment) is { Length: > 0 } environments ? environments : null,
                Limit = parse.GetValue(limit) ?? (all ? MaxPageSize : null),
                Cursor = parse.GetValue(list.Cursor),
            };
            var org = session.Org;
            var issues = session.Client.Issues;
            return Listing.WriteAsync(session, "issues", all,
                () => issues.ListOrganizationIssuesAllAsync(org, options, cancellationToken: cancellationToken),
                () => issues.ListOrganizationIssuesAsync(org, options, cancellationToken),
                Rows, cancellationToken);
        });
        return command;
    }
}
