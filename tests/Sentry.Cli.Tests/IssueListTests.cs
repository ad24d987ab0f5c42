using Newtonsoft.Json.Linq;

namespace Sentry.Cli.Tests;

public sealed class IssueListTests(ToolRunner runner) : ToolTests(runner)
{
    private const string IssuesPath = "/api/0/organizations/acme/issues/";

    [Test]
    public async Task ListPrintsATableOfOnePageAndSendsNoQuerySoSentryDefaultsToUnresolved()
    {
        Sentry.On("GET", IssuesPath, Reply.Ok(Samples.Issues("1", "2")));

        var run = await RunAsync("issues", "list");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Query, Is.Empty, "issues list without filters sends no query parameters");
            Assert.That(request.Authorization, Is.EqualTo("Bearer " + Token), "the token goes in the Authorization header");
            Assert.That(request.UserAgent, Does.StartWith("sentry-api/").And.Contain("Sentry.OpenApi/"), "User-Agent names the tool and the library");
            Assert.That(run.OutputLines[0], Does.Match(@"^ID\s+SHORT ID\s+STATUS\s+LEVEL\s+EVENTS\s+USERS\s+LAST SEEN\s+TITLE$"));
            Assert.That(run.OutputLines[1], Does.Match(@"^1\s+WEB-1\s+unresolved\s+error\s+150\s+12\s+2025-01-02 11:30\s+TypeError: x is undefined$"));
            Assert.That(run.OutputLines, Has.Length.EqualTo(3));
            Assert.That(run.Error, Is.Empty, "one page and no more: no hint");
        });
    }

    [Test]
    public async Task SearchFlagsAreBuiltIntoSentrysQuerySyntaxAndTheOtherFlagsIntoTheirParameters()
    {
        Sentry.On("GET", IssuesPath, Reply.Ok("[]"));

        var run = await RunAsync("issues", "list", "--is", "unresolved", "--assigned", "me", "--level", "error", "--first-seen", "-24h",
            "--times-seen", ">100", "--sort", "freq", "--project", "1", "--project", "2", "--environment", "production", "--limit", "50");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Values["query"], Is.EqualTo("is:unresolved assigned:me level:error firstSeen:-24h timesSeen:>100"));
            Assert.That(request.Values["sort"], Is.EqualTo("freq"));
            Assert.That(request.Values.GetValues("project"), Is.EqualTo(new[] { "1", "2" }), "--project repeats as project=");
            Assert.That(request.Values.GetValues("environment"), Is.EqualTo(new[] { "production" }));
            Assert.That(request.Values["limit"], Is.EqualTo("50"));
        });
    }

    [Test]
    public async Task TeamsUsersAndSeveralLevelsUseSentrysListAndTeamSyntax()
    {
        Sentry.On("GET", IssuesPath, Reply.Ok("[]"));

        var run = await RunAsync("issues", "list", "--assigned", "team:backend", "--assigned", "jane.doe", "--level", "error", "--level", "fatal", "--last-seen", "+2025-01-01");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Values["query"], Is.EqualTo("assigned:[#backend, jane.doe] level:[error, fatal] lastSeen:+2025-01-01"));
    }

    [Test]
    public async Task QueryIsSentAsTyped()
    {
        Sentry.On("GET", IssuesPath, Reply.Ok("[]"));

        var run = await RunAsync("issues", "list", "--query", "is:resolved browser:\"Chrome Mobile\" TypeError");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Values["query"], Is.EqualTo("is:resolved browser:\"Chrome Mobile\" TypeError"));
    }

    [Test]
    public async Task QueryWithSearchFlagsIsAUsageErrorAndSendsNothing()
    {
        var run = await RunAsync("issues", "list", "--query", "TypeError", "--is", "unresolved");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.Contain("--query").And.Contain("--is"));
        Assert.That(Sentry.Requests, Is.Empty);
    }

    [TestCase("--first-seen", "yesterday")]
    [TestCase("--first-seen", "-24x")]
    [TestCase("--times-seen", "more than 100")]
    [TestCase("--limit", "500")]
    [TestCase("--is", "open")]
    [TestCase("--sort", "random")]
    public async Task BadFlagValuesAreUsageErrorsNamingTheFlag(string flag, string value)
    {
        var run = await RunAsync("issues", "list", flag, value);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.Contain(flag.TrimStart('-')).Or.Contain(value), "the message names what was wrong");
        Assert.That(Sentry.Requests, Is.Empty);
    }

    [Test]
    public async Task AllWithJsonStreamsEveryIssueOfEveryPageAsOneJsonLineEach()
    {
        Sentry.Pages(IssuesPath, Samples.Issues("1", "2"), Samples.Issues("3", "4"), Samples.Issues("5"));

        var run = await RunAsync("issues", "list", "--is", "unresolved", "--all", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var ids = run.OutputLines.Select(line => (string?)JObject.Parse(line)["id"]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(new[] { "1", "2", "3", "4", "5" }), "every issue, in order, one JSON object per line");
            Assert.That(Sentry.Requests.Select(r => r.Values["cursor"]), Is.EqualTo(new[] { null, "0:100:0", "0:200:0" }), "the cursors of the Link header, followed");
            Assert.That(Sentry.Requests.Select(r => r.Values["limit"]), Is.All.EqualTo("100"), "a walk asks for Sentry's largest page");
            Assert.That(Sentry.Requests.Select(r => r.Values["query"]), Is.All.EqualTo("is:unresolved"));
            Assert.That(run.Error, Does.Contain("5 issues in all"), "progress goes to standard error");
        });
    }

    [Test]
    public async Task AllWithoutJsonPrintsOneTableOfEveryPage()
    {
        Sentry.Pages(IssuesPath, Samples.Issues("1"), Samples.Issues("2"));

        var run = await RunAsync("issues", "list", "--all");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.OutputLines.Skip(1).Select(l => l.Split(' ')[0]), Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public async Task OnePageWithMoreAfterItHintsTheCursorOnStandardErrorAndCursorStartsThere()
    {
        Sentry.Pages(IssuesPath, Samples.Issues("1"), Samples.Issues("2"));

        var first = await RunAsync("issues", "list", "--json");
        var second = await RunAsync("issues", "list", "--json", "--cursor", "0:100:0");

        Assert.Multiple(() =>
        {
            Assert.That(JArray.Parse(first.Output).Select(i => (string?)i["id"]), Is.EqualTo(new[] { "1" }), "--json without --all is one JSON array");
            Assert.That(first.Error, Does.Contain("--cursor 0:100:0"));
            Assert.That(JArray.Parse(second.Output).Select(i => (string?)i["id"]), Is.EqualTo(new[] { "2" }));
            Assert.That(Sentry.Requests[1].Values["cursor"], Is.EqualTo("0:100:0"));
            Assert.That(second.Error, Is.Empty, "the last page: no hint");
        });
    }

    [Test]
    public async Task AWalkThatFailsKeepsWhatItPrintedAndSaysWhereToResume()
    {
        Sentry.Pages(IssuesPath, Samples.Issues("1", "2"), Samples.Issues("3"));
        Sentry.OnCursor(IssuesPath, "0:100:0", Reply.Status(403, """{"detail":"You do not have permission to perform this action."}"""));

        var run = await RunAsync("issues", "list", "--all", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ApiError), run.ToString());
            Assert.That(run.OutputLines, Has.Length.EqualTo(2), "the issues of the pages before the failure were printed");
            Assert.That(run.Error, Does.Contain("You do not have permission to perform this action."), "Sentry's detail");
            Assert.That(run.Error, Does.Contain("403"));
            Assert.That(run.Error, Does.Contain("stopped after 2 items").And.Contain("--cursor 0:100:0"));
        });
    }

    [Test]
    public async Task ControlCharactersInTitlesAreShownEscapedNotSentToTheTerminal()
    {
        Sentry.On("GET", IssuesPath, Reply.Ok(new JArray(Samples.Issue("1", "boom\u001b]0;owned\u0007\u001b[2J")).ToString()));

        var run = await RunAsync("issues", "list");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Output.Where(c => char.IsControl(c) && c is not '\n' and not '\r'), Is.Empty, "no control character reaches the terminal");
        Assert.That(run.Output, Does.Contain(@"boom\u001B]0;owned\u0007\u001B[2J"));
    }
}
