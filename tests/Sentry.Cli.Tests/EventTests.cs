using Newtonsoft.Json.Linq;

namespace Sentry.Cli.Tests;

public sealed class EventTests(ToolRunner runner) : ToolTests(runner)
{
    private const string EventsPath = "/api/0/organizations/acme/issues/1/events/";

    [Test]
    public async Task ListWithFullAsksForFullEventsAndPrintsATable()
    {
        Sentry.On("GET", EventsPath, Reply.Ok(Samples.Events("aaaa", "bbbb")));

        var run = await RunAsync("events", "list", "1", "--full");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Values["full"], Is.EqualTo("true"));
        Assert.That(run.OutputLines[0], Does.Match(@"^EVENT ID\s+DATE\s+PLATFORM\s+TITLE$"));
        Assert.That(run.OutputLines[1], Does.Match(@"^aaaa\s+2025-01-02 11:30\s+python\s+ValueError: bad input$"));
        Assert.That(run.OutputLines, Has.Length.EqualTo(3));
    }

    [Test]
    public async Task ListWithoutFullSendsNoFullParameter()
    {
        Sentry.On("GET", EventsPath, Reply.Ok("[]"));

        var run = await RunAsync("events", "list", "1");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Query, Is.Empty);
    }

    [Test]
    public async Task ListAllWalksEveryPage()
    {
        Sentry.Pages(EventsPath, Samples.Events("aaaa"), Samples.Events("bbbb"));

        var run = await RunAsync("events", "list", "1", "--all", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.OutputLines.Select(l => (string?)JObject.Parse(l)["eventID"]), Is.EqualTo(new[] { "aaaa", "bbbb" }));
    }

    [Test]
    public async Task LatestPrintsTheExceptionChainRaisedLastFirst()
    {
        Sentry.On("GET", EventsPath + "latest/", Reply.Ok(Samples.Event().ToString()));

        var run = await RunAsync("events", "latest", "1");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Path, Is.EqualTo(EventsPath + "latest/"));
        Assert.That(run.OutputLines, Does.Contain("event     9fac2ceed9344f2bbfdd1fdacb0ed9b1").And.Contain("platform  python"));
        var chain = run.OutputLines.SkipWhile(l => !l.StartsWith("ValueError", StringComparison.Ordinal)).ToList();
        Assert.That(chain, Is.EqualTo(new[] { "ValueError: bad input", "caused by KeyError: 'user'" }), "without --frames: the chain only");
    }

    [Test]
    public async Task LatestWithFramesPrintsTheTopInAppFramesInnermostFirst()
    {
        Sentry.On("GET", EventsPath + "latest/", Reply.Ok(Samples.Event().ToString()));

        var run = await RunAsync("events", "latest", "1", "--frames", "--max-frames", "2");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var chain = run.OutputLines.SkipWhile(l => !l.StartsWith("ValueError", StringComparison.Ordinal)).ToList();
        Assert.That(chain, Is.EqualTo(new[]
        {
            "ValueError: bad input",
            "    at validate (app/forms.py:7)",
            "    at handler (app/views.py:42)",
            "caused by KeyError: 'user'",
            "    at load_user (app/users.py:21)",
        }), "in-app frames only (not django's), the raising frame first, at most --max-frames");
    }

    [Test]
    public async Task ShowRetrievesOneEventOfTheIssue()
    {
        Sentry.On("GET", EventsPath + "abcd/", Reply.Ok(Samples.Event("abcd").ToString()));

        var run = await RunAsync("events", "show", "1", "abcd", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(SingleRequest().Path, Is.EqualTo(EventsPath + "abcd/"));
        var printed = JObject.Parse(run.Output);
        Assert.That((string?)printed["eventID"], Is.EqualTo("abcd"));
        Assert.That(printed["entries"]?[0]?["data"]?["values"]?[1]?["stacktrace"]?["frames"]?[3]?["function"]?.ToString(), Is.EqualTo("validate"),
            "--json prints the event's entries as Sentry sent them");
    }

    [Test]
    public async Task AnEventWithoutAnExceptionShowsItsMessage()
    {
        var message = new JObject { ["eventID"] = "cccc", ["title"] = "Disk almost full", ["message"] = "Disk almost full: 97%", ["entries"] = new JArray() };
        Sentry.On("GET", EventsPath + "latest/", Reply.Ok(message.ToString()));

        var run = await RunAsync("events", "latest", "1", "--frames");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.OutputLines[^1], Is.EqualTo("Disk almost full: 97%"));
    }
}
