using System.CommandLine;
using Sentry.Cli.Output;
using Sentry.OpenApi;

namespace Sentry.Cli.Commands;

/// <summary><c>tags values ISSUE KEY</c>: the values a tag had on an issue's events, with counts.</summary>
internal static class TagsCommand
{
    public static readonly Rows<IssueTagValue> Rows = new(
        [new("COUNT", AlignRight: true), new("FIRST SEEN"), new("LAST SEEN"), new("VALUE")],
        v => [Format.Number(v.Count), Format.Time(v.FirstSeen), Format.Time(v.LastSeen), v.Value ?? v.Name]);

    public static Command Create(ToolContext tool)
    {
        var issue = IssueArguments.Id();
        var key = new Argument<string>("KEY") { Description = "The tag key: browser, os, device, environment, release, server_name, url, or a custom tag." };
        var list = new ListOptions();
        var values = new Command("values", "List the values of a tag on an issue's events, most seen first.") { issue, key };
        list.AddTo(values);
        tool.SetAction(values, (session, parse, cancellationToken) =>
        {
            var org = session.Org;
            var id = parse.GetRequiredValue(issue);
            var tag = parse.GetRequiredValue(key);
            var options = new ListIssueTagValuesOptions { Cursor = parse.GetValue(list.Cursor) };
            var issues = session.Client.Issues;
            return Listing.WriteAsync(session, "values", parse.GetValue(list.All),
                () => issues.ListIssueTagValuesAllAsync(org, id, tag, options, cancellationToken: cancellationToken),
                () => issues.ListIssueTagValuesAsync(org, id, tag, options, cancellationToken),
                Rows, cancellationToken);
        });
        return new Command("tags", "Tags of an issue's events.") { values };
    }
}
