using Newtonsoft.Json.Linq;

namespace Sentry.Cli.Tests;

public sealed class TagProjectOrgTests(ToolRunner runner) : ToolTests(runner)
{
    [Test]
    public async Task TagValuesListsTheValuesOfATagOnAnIssue()
    {
        Sentry.On("GET", "/api/0/organizations/acme/issues/1/tags/browser/values/",
            Reply.Ok(new JArray(Samples.TagValue("Chrome 120", 1200), Samples.TagValue("Firefox 121", 34)).ToString()));

        var run = await RunAsync("tags", "values", "1", "browser");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Method, Is.EqualTo("GET"));
        Assert.That(run.OutputLines, Is.EqualTo(new[]
        {
            "COUNT  FIRST SEEN        LAST SEEN         VALUE",
            " 1200  2025-01-01 10:00  2025-01-02 11:30  Chrome 120",
            "   34  2025-01-01 10:00  2025-01-02 11:30  Firefox 121",
        }));
    }

    [Test]
    public async Task ProjectsListPrintsTheProjects()
    {
        Sentry.On("GET", "/api/0/organizations/acme/projects/", Reply.Ok(new JArray(Samples.Project("42", "web"), Samples.Project("43", "api")).ToString()));

        var run = await RunAsync("projects", "list");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Path, Is.EqualTo("/api/0/organizations/acme/projects/"));
        Assert.That(run.OutputLines, Is.EqualTo(new[] { "ID  SLUG  PLATFORM  NAME", "42  web   python    WEB", "43  api   python    API" }));
    }

    [Test]
    public async Task ProjectsListAllFollowsThePages()
    {
        Sentry.Pages("/api/0/organizations/acme/projects/", new JArray(Samples.Project("42", "web")).ToString(), new JArray(Samples.Project("43", "api")).ToString());

        var run = await RunAsync("projects", "list", "--all", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.OutputLines.Select(l => (string?)JObject.Parse(l)["slug"]), Is.EqualTo(new[] { "web", "api" }));
        Assert.That(run.Error, Does.Contain("2 projects in all"));
    }

    [Test]
    public async Task ProjectsShowRetrievesTheProjectBySlug()
    {
        Sentry.On("GET", "/api/0/projects/acme/web/", Reply.Ok(Samples.Project("42", "web").ToString()));

        var run = await RunAsync("projects", "show", "web");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Path, Is.EqualTo("/api/0/projects/acme/web/"));
        Assert.That(run.OutputLines, Does.Contain("slug      web").And.Contain("created   2024-05-01T09:00:00Z"));
    }

    [Test]
    public async Task OrgShowPrintsTheOrganization()
    {
        Sentry.On("GET", "/api/0/organizations/acme/", Reply.Ok(Samples.Organization().ToString()));

        var run = await RunAsync("org", "show");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Path, Is.EqualTo("/api/0/organizations/acme/"));
        Assert.That(run.OutputLines, Has.Some.Match(@"^name +Acme Inc\.$").And.Some.Match("^region +https://de.sentry.io$").And.Some.Match("^your role +manager$"));
    }

    [Test]
    public async Task OrgShowWithJsonPrintsOneDocument()
    {
        Sentry.On("GET", "/api/0/organizations/acme/", Reply.Ok(Samples.Organization().ToString()));

        var run = await RunAsync("org", "show", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That((string?)JObject.Parse(run.Output)["links"]?["regionUrl"], Is.EqualTo("https://de.sentry.io"));
    }
}
