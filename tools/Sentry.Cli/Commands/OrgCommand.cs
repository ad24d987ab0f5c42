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
            if (session.Out.Json)
            {
                session.Out.Document(org);
            }
            else
            {
                session.Out.Details(new Details()
                    .Add("id", org.Id)
                    .Add("slug", org.Slug)
                    .Add("name", org.Name)
                    .Add("status", org.Status?.Id)
                    .Add("created", Format.Instant(org.DateCreated))
                    .Add("region", org.Links?.RegionUrl)
                    .Add("url", org.Links?.OrganizationUrl)
                    .Add("your role", org.OrgRole)
                    .Add("projects", org.Projects is { } projects ? Format.Number(projects.Count) : null)
                    .Add("teams", org.Teams is { } teams ? Format.Number(teams.Count) : null)
                    .Add("2FA required", Format.YesNo(org.Require2FA)));
            }

            return ExitCodes.Ok;
        });
        return new Command("org", "The organization.") { show };
    }
}
