using System.CommandLine;
using Sentry.Cli.Output;
using Sentry.OpenApi;

namespace Sentry.Cli.Commands;

/// <summary>
/// <c>issues bulk --project P --status S ID...</c>: one status for many issues of a project, through the
/// library's batched bulk mutate (100 ids per request). <c>-</c> reads ids from standard input, so
/// <c>issues list --json --all | jq -r .id</c> can feed it.
/// </summary>
internal static class IssueBulkCommand
{
    public static Command Create(ToolContext tool)
    {
        var project = new Option<string>("--project", "-p") { Description = "The project's slug (Sentry's bulk endpoint is per project).", HelpName = "SLUG", Required = true };
        var status = new Option<string>("--status")
        {
            Description = "The status to set.",
            Required = true,
        }.AcceptOnlyFromAmong("resolved", "resolvedInNextRelease", "unresolved", "ignored");
        var ids = new Argument<string[]>("ID")
        {
            Description = "Issue ids; '-' reads more from standard input (whitespace-separated).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("bulk", $"Set the status of many issues of one project, {IssueBulkExtensions.MaxIdsPerRequest} per request.") { project, status, ids };
        tool.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var all = new List<string>();
            foreach (var id in parse.GetRequiredValue(ids))
            {
                if (id == "-")
                {
                    all.AddRange((await session.Host.Input.ReadToEndAsync(cancellationToken)).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                }
                else
                {
                    all.Add(id);
                }
            }

            var distinct = all.Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count == 0)
            {
                // Without ids Sentry would apply the status to every issue of the project.
                throw new CliUsageException("issues bulk: no issue ids (standard input was empty).");
            }

            var value = parse.GetRequiredValue(status);
            var update = new IssueUpdate { Status = Enum.Parse<IssueUpdateStatus>(value, ignoreCase: true) };
            var org = session.Org;
            var result = await session.Client.Issues.BulkMutateProjectIssuesInBatchesAsync(org, parse.GetRequiredValue(project), update, distinct, cancellationToken);
            var requests = (distinct.Count + IssueBulkExtensions.MaxIdsPerRequest - 1) / IssueBulkExtensions.MaxIdsPerRequest;
            if (session.Out.Json)
            {
                session.Out.Document(result);
            }
            else
            {
                session.Out.Text($"{value}: {distinct.Count} issues in {requests} request{(requests == 1 ? "" : "s")}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
