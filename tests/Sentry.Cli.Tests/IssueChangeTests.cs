using Newtonsoft.Json.Linq;

namespace Sentry.Cli.Tests;

public sealed class IssueChangeTests(ToolRunner runner) : ToolTests(runner)
{
    private static string IssuePath(string id) => $"/api/0/organizations/acme/issues/{id}/";

    [Test]
    public async Task ShowPrintsTheIssuesDetails()
    {
        var issue = Samples.Issue("1");
        issue["assignedTo"] = new JObject { ["type"] = "user", ["id"] = "9", ["name"] = "Jane Doe", ["email"] = "jane@example.com" };
        Sentry.On("GET", IssuePath("1"), Reply.Ok(issue.ToString()));

        var run = await RunAsync("issues", "show", "1");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Method, Is.EqualTo("GET"));
        Assert.That(run.OutputLines, Does.Contain("title        TypeError: x is undefined")
            .And.Contain("status       unresolved")
            .And.Contain("first seen   2025-01-01T10:00:00Z")
            .And.Contain("assigned to  Jane Doe <jane@example.com>")
            .And.Contain("link         https://acme.sentry.io/issues/1/"));
    }

    [Test]
    public async Task ShowWithJsonKeepsFieldsTheClientDoesNotKnow()
    {
        var issue = Samples.Issue("1");
        issue["someNewField"] = new JObject { ["nested"] = 1 };
        Sentry.On("GET", IssuePath("1"), Reply.Ok(issue.ToString()));

        var run = await RunAsync("issues", "show", "1", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var printed = JObject.Parse(run.Output);
        Assert.That(printed["someNewField"]?["nested"]?.Value<int>(), Is.EqualTo(1));
        Assert.That((string?)printed["shortId"], Is.EqualTo("WEB-1"));
        Assert.That(run.Output, Does.Contain("\"firstSeen\": \"2025-01-01T10:00:00Z\""), "times are written as Sentry writes them, in UTC with Z");
    }

    [Test]
    public async Task ANotFoundIssueExitsOneWithSentrysDetailOnStandardError()
    {
        Sentry.On("GET", IssuePath("999"), Reply.Status(404, """{"detail":"The requested resource does not exist"}"""));

        var run = await RunAsync("issues", "show", "999");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ApiError), run.ToString());
        Assert.That(run.Error, Does.Contain("404 GET /api/0/organizations/acme/issues/999/: The requested resource does not exist"));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public async Task ResolveSendsOneStatusUpdatePerIssue()
    {
        Sentry.On("PUT", IssuePath("1"), Reply.Ok(Samples.Issue("1", status: "resolved").ToString()));
        Sentry.On("PUT", IssuePath("2"), Reply.Ok(Samples.Issue("2", status: "resolved").ToString()));

        var run = await RunAsync("issues", "resolve", "1", "2");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(Sentry.Requests.Select(r => r.ToString()), Is.EqualTo(new[] { "PUT " + IssuePath("1"), "PUT " + IssuePath("2") }));
            Assert.That(Sentry.Requests.Select(r => r.Body), Is.All.EqualTo("""{"status":"resolved"}"""));
            Assert.That(Sentry.Requests.Select(r => r.ContentType), Is.All.StartWith("application/json"));
            Assert.That(run.OutputLines, Is.EqualTo(new[] { "resolved 1", "resolved 2" }));
        });
    }

    [Test]
    public async Task ResolveWithJsonPrintsTheUpdatedIssuesAsOneArray()
    {
        Sentry.On("PUT", IssuePath("1"), Reply.Ok(Samples.Issue("1", status: "resolved").ToString()));

        var run = await RunAsync("issues", "resolve", "1", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(JArray.Parse(run.Output).Select(i => (string?)i["status"]), Is.EqualTo(new[] { "resolved" }));
    }

    [TestCase("jane.doe", """{"assignedTo":"jane.doe"}""")]
    [TestCase("jane@example.com", """{"assignedTo":"jane@example.com"}""")]
    [TestCase("team:4", """{"assignedTo":"team:4"}""")]
    public async Task AssignSendsAUserOrATeamIdAsGiven(string assignee, string body)
    {
        Sentry.On("PUT", IssuePath("1"), Reply.Ok(Samples.Issue("1").ToString()));

        var run = await RunAsync("issues", "assign", "1", assignee);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Body, Is.EqualTo(body));
        Assert.That(run.Output.Trim(), Is.EqualTo($"1: assigned to {assignee}"));
    }

    [TestCase("team:backend")]
    [TestCase("#backend")]
    public async Task AssignToATeamSlugLooksUpTheTeamsIdBecauseSentryAssignsTeamsById(string assignee)
    {
        Sentry.On("GET", "/api/0/teams/acme/backend/", Reply.Ok("""{"id":"4","slug":"backend","name":"Backend"}"""));
        Sentry.On("PUT", IssuePath("1"), Reply.Ok(Samples.Issue("1").ToString()));

        var run = await RunAsync("issues", "assign", "1", assignee);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(Sentry.Requests.Select(r => r.ToString()), Is.EqualTo(new[] { "GET /api/0/teams/acme/backend/", "PUT " + IssuePath("1") }));
        Assert.That(Sentry.Requests[1].Body, Is.EqualTo("""{"assignedTo":"team:4"}"""));
        Assert.That(run.Output.Trim(), Is.EqualTo($"1: assigned to {assignee} (team:4)"));
    }

    [Test]
    public async Task AssignToAnUnknownTeamExitsOneAndChangesNothing()
    {
        Sentry.On("GET", "/api/0/teams/acme/nobody/", Reply.Status(404, """{"detail":"The requested resource does not exist"}"""));

        var run = await RunAsync("issues", "assign", "1", "team:nobody");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ApiError), run.ToString());
        Assert.That(run.Error, Does.Contain("/api/0/teams/acme/nobody/"));
        Assert.That(Sentry.Requests.Select(r => r.Method), Is.EqualTo(new[] { "GET" }), "no update was sent");
    }

    [TestCase("unassign", """{"assignedTo":null}""", TestName = "UnassignSendsAnExplicitNullAssignee")]
    [TestCase("ignore", """{"status":"ignored"}""", TestName = "IgnoreWithoutOptionsSendsOnlyTheStatus")]
    [TestCase("bookmark", """{"isBookmarked":true}""", TestName = "BookmarkSendsIsBookmarked")]
    public async Task AChangeWithoutOptionsSendsOnlyItsOwnField(string change, string body)
    {
        Sentry.On("PUT", IssuePath("1"), Reply.Ok(Samples.Issue("1").ToString()));

        var run = await RunAsync("issues", change, "1");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Body, Is.EqualTo(body), $"issues {change}: the PUT body");
    }

    [Test]
    public async Task IgnoreWithCountSendsTheIgnoreCount()
    {
        Sentry.On("PUT", IssuePath("1"), Reply.Ok(Samples.Issue("1", status: "ignored").ToString()));

        var run = await RunAsync("issues", "ignore", "1", "--count", "100");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(JToken.DeepEquals(JObject.Parse(SingleRequest().Body), JObject.Parse("""{"status":"ignored","statusDetails":{"ignoreCount":100}}""")),
            Is.True, SingleRequest().Body);
        Assert.That(run.Output.Trim(), Is.EqualTo("1: ignored until 100 more events"));
    }

    [Test]
    public async Task DeleteWithoutYesIsRefusedWithExitTwoAndSendsNothing()
    {
        var run = await RunAsync("issues", "delete", "1");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
        Assert.That(run.Error, Does.Contain("--yes"));
        Assert.That(Sentry.Requests, Is.Empty);
    }

    [Test]
    public async Task DeleteWithYesSendsTheDelete()
    {
        Sentry.On("DELETE", IssuePath("1"), Reply.Status(202));

        var run = await RunAsync("issues", "delete", "1", "--yes");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().ToString(), Is.EqualTo("DELETE " + IssuePath("1")));
        Assert.That(run.Output.Trim(), Is.EqualTo("1: scheduled for deletion"));
    }

    [Test]
    public async Task BulkSendsBatchesOfAHundredIdsToTheProjectEndpoint()
    {
        Sentry.On("PUT", "/api/0/projects/acme/web/issues/", Reply.Ok("""{"status":"resolved","statusDetails":{}}"""));
        var ids = Enumerable.Range(1, 250).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var run = await RunAsync(["issues", "bulk", "--project", "web", "--status", "resolved", .. ids]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(Sentry.Requests.Select(r => r.Values.GetValues("id")!.Length), Is.EqualTo(new[] { 100, 100, 50 }));
            Assert.That(Sentry.Requests.SelectMany(r => r.Values.GetValues("id")!), Is.EqualTo(ids), "every id once, in order");
            Assert.That(Sentry.Requests.Select(r => r.Body), Is.All.EqualTo("""{"status":"resolved"}"""));
            Assert.That(run.Output.Trim(), Is.EqualTo("resolved: 250 issues in 3 requests"));
        });
    }

    [Test]
    public async Task BulkReadsIdsFromStandardInputForADash()
    {
        Sentry.On("PUT", "/api/0/projects/acme/web/issues/", Reply.Ok("""{"status":"ignored"}"""));

        var run = await RunWithAsync(new Dictionary<string, string?>(), "3\n4 5\n",
            "issues", "bulk", "--project", "web", "--status", "ignored", "1", "-", "--org", "acme", "--base-url", Sentry.BaseUrl, "--token", Token);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Values.GetValues("id"), Is.EqualTo(new[] { "1", "3", "4", "5" }));
        Assert.That(SingleRequest().Body, Is.EqualTo("""{"status":"ignored"}"""));
    }

    [Test]
    public async Task ABulkBatchThatFailsSaysWhichIdsWereChangedAndWhichNot()
    {
        Sentry.On("PUT", "/api/0/projects/acme/web/issues/",
            Reply.Ok("""{"status":"resolved"}"""),
            Reply.Status(400, """{"detail":"Too many requests in bulk"}"""));
        var ids = Enumerable.Range(1, 150).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var run = await RunAsync(["issues", "bulk", "--project", "web", "--status", "resolved", .. ids]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.ApiError), run.ToString());
        Assert.That(run.Error, Does.Contain("Too many requests in bulk").And.Contain("batch 2 of 2 failed: 100 issues were changed before it"));
        Assert.That(run.Error, Does.Contain("not done: 101 102"));
    }
}
