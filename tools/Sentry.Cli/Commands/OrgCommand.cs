using System.CommandLine;
using Sentry.Cli.Output;

namespace Sentry.Cli.Commands;

/// <summary><c>org show</c>: the organization's details.</summary>
internal static class OrgCommand
{
    public static Command Create(ToolContext tool)
    {
        var show = new Command("show", "Show the organization (--org or SENTRY_ORG): name, region, role, projects, teams.");
        tool.SetAction(show, async (session, parse, cancellationToken) =>
        {
            var slug = session.Org;
            var org = await session.Client.Organizations.RetrieveOrganizationAsync(slug, cancellationToken);
            session.Out.Show(org, o => new Details()
                .Add("id", o.Id)
                .Add("slug", o.Slug)
                .Add("name", o.Name)
                .Add("status", o.Status?.Id)
                .Add("created", Format.Instant(o.DateCreated))
                .Add("region", o.Links?.RegionUrl)
                .Add("url", o.Links?.OrganizationUrl)
                .Add("your role", o.OrgRole)
                .Add("projects", o.Projects is { } projects ? Format.Number(projects.Count) : null)
                .Add("teams", o.Teams is { } teams ? Format.Number(teams.Count) : null)
                .Add("2FA required", Format.YesNo(o.Require2FA)));

            return ExitCodes.Ok;
        });
        return new Command("org", "The organization.") { show };
    }
}
