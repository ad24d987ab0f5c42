using System.CommandLine;
using Sentry.Cli.Output;
using Sentry.OpenApi;

namespace Sentry.Cli.Commands;

/// <summary><c>projects list|show</c>: the organization's projects.</summary>
internal static class ProjectsCommand
{
    public static readonly Rows<ProjectSummary> Rows = new(
        [new("ID"), new("SLUG"), new("PLATFORM"), new("NAME")],
        p => [p.Id, p.Slug, p.Platform, p.Name]);

    public static Command Create(ToolContext tool) => new("projects", "List and show the organization's projects.")
    {
        List(tool),
        Show(tool),
    };

    private static Command List(ToolContext tool)
    {
        var list = new ListOptions();
        var command = new Command("list", "List the projects the token can see.");
        list.AddTo(command);
        tool.SetAction(command, (session, parse, cancellationToken) =>
        {
            var org = session.Org;
            var options = new ListOrganizationProjectsOptions { Cursor = parse.GetValue(list.Cursor) };
            var organizations = session.Client.Organizations;
            return Listing.WriteAsync(session, "projects", parse.GetValue(list.All),
                () => organizations.ListOrganizationProjectsAllAsync(org, options, cancellationToken: cancellationToken),
                () => organizations.ListOrganizationProjectsAsync(org, options, cancellationToken),
                Rows, cancellationToken);
        });
        return command;
    }

    private static Command Show(ToolContext tool)
    {
        var slug = new Argument<string>("SLUG") { Description = "The project's slug." };
        var command = new Command("show", "Show one project.") { slug };
        tool.SetAction(command, async (session, parse, cancellationToken) =>
        {
            var org = session.Org;
            var project = await session.Client.Projects.RetrieveProjectAsync(org, parse.GetRequiredValue(slug), cancellationToken);
            session.Out.Show(project, Describe);

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Details Describe(Project project)
    {
        var teams = project.Teams?.Where(t => t is not null).Select(t => t!.Slug).ToList();
        return new Details()
            .Add("id", project.Id)
            .Add("slug", project.Slug)
            .Add("name", project.Name)
            .Add("platform", project.Platform)
            .Add("status", project.Status)
            .Add("created", Format.Instant(project.DateCreated))
            .Add("first event", Format.Instant(project.FirstEvent))
            .Add("teams", teams is { Count: > 0 } ? string.Join(", ", teams) : project.Team?.Slug)
            .Add("environments", project.Environments is { Count: > 0 } environments ? string.Join(", ", environments) : null)
            .Add("latest release", project.LatestRelease?.Version);
    }
}
