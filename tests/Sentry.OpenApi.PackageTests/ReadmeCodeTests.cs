namespace Sentry.OpenApi.PackageTests;

/// <summary>
/// README.md's "Using the client" code (IssueTriage) and PACKAGE.md's first calls (QuickStart), compiled as written
/// by tests/PackageSmoke against the packed package, run against the sandbox. Expectations come from the sandbox's
/// raw responses (<see cref="SandboxExpectations"/>), not from the library.
/// </summary>
[TestFixture]
public sealed class ReadmeCodeTests
{
    [Test]
    [CancelAfter(15 * 60 * 1000)]
    public async Task ReadmeCodeRunsFromThePackageOnNet8AndThroughANetstandard2Library(CancellationToken cancellationToken)
    {
        var run = await SmokeApp.BuildAndRunAsync(asset: null);

        Assert.That(run.OutputLines[0], Does.Contain($"Sentry.OpenApi {PackedPackages.Version}").And.EndWith("built for .NETCoreApp,Version=v8.0"), run.ToString());
        var direct = SmokeApp.Section(run, "README code compiled into the net8.0 app");
        await AssertReadmeScenarioAsync(direct, run, cancellationToken);
        Assert.That(SmokeApp.Section(run, "README code compiled into the netstandard2.0 library"), Is.EqualTo(direct),
            "the README code compiled for netstandard2.0 should behave exactly as compiled for net8.0");

        var issues = await SandboxExpectations.UnresolvedIssuesAsync(PackedPackages.Sandbox.ApiRoot, cancellationToken);
        var quickStart = SmokeApp.Section(run, "package README code (netstandard2.0 library)");
        Assert.That(quickStart.SkipLast(1), Is.EqualTo(issues.Select(i => $"{i["shortId"]} {i["title"]}")), "PACKAGE.md's QuickStart should list every unresolved issue");
        Assert.That(quickStart[^1], Does.StartWith("404: "), "PACKAGE.md's QuickStart should catch the 404 as SentryNotFoundException");
    }

    [Test]
    [CancelAfter(15 * 60 * 1000)]
    public async Task ReadmeCodeRunsOnThePackagesNetstandard2Build(CancellationToken cancellationToken)
    {
        var run = await SmokeApp.BuildAndRunAsync(asset: "netstandard2.0");

        Assert.That(run.OutputLines[0], Does.EndWith("built for .NETStandard,Version=v2.0"), $"the app should have run the package's netstandard2.0 DLL:\n{run}");
        await AssertReadmeScenarioAsync(SmokeApp.Section(run, "README code compiled into the net8.0 app"), run, cancellationToken);
    }

    // The README's steps, in order: every unresolved issue across pages, the first page, one issue, its latest
    // event's exceptions and top frames, resolve/assign/unassign, bulk-resolve 250 ids, a 404 caught.
    private static async Task AssertReadmeScenarioAsync(IReadOnlyList<string> lines, CommandResult run, CancellationToken cancellationToken)
    {
        var apiRoot = PackedPackages.Sandbox.ApiRoot;
        var issues = await SandboxExpectations.UnresolvedIssuesAsync(apiRoot, cancellationToken);
        var first = issues[0];
        var traces = await SandboxExpectations.LatestEventTracesAsync(apiRoot, (string)first["id"]!, cancellationToken);
        Assert.That(traces.SelectMany(e => e.TopFrames), Is.Not.Empty, "the sandbox's latest event should have frames to show");

        List<string> expected = [.. issues.Select(i => $"issue {i["id"]} {i["shortId"]} ")];
        var listed = lines.TakeWhile(l => l.StartsWith("issue ", StringComparison.Ordinal)).ToList();
        Assert.That(listed, Has.Count.EqualTo(issues.Count), $"ListOrganizationIssuesAllAsync should yield every unresolved issue of every page:\n{run}");
        for (var i = 0; i < issues.Count; i++)
        {
            Assert.That(listed[i], Does.StartWith(expected[i]), $"issue {i} of the walk");
        }

        var rest = lines.Skip(listed.Count).ToList();
        Assert.That(rest[0], Does.StartWith($"first page: "), run.ToString());
        Assert.That(rest[1], Does.StartWith($"retrieved {first["shortId"]}: "), run.ToString());
        var frames = rest.Skip(2).TakeWhile(l => l.StartsWith("exception ", StringComparison.Ordinal) || l.StartsWith("stack trace ", StringComparison.Ordinal) || l.StartsWith("  at ", StringComparison.Ordinal)).ToList();
        var expectedFrames = traces.SelectMany(t => t.TopFrames.Select(f => $"  at {f} (").Prepend(t.Header)).ToList();
        Assert.That(frames, Has.Count.EqualTo(expectedFrames.Count), $"the latest event's exception chain with its top in-app frames:\n{run}");
        for (var i = 0; i < frames.Count; i++)
        {
            Assert.That(frames[i], Does.StartWith(expectedFrames[i]), "the latest event's stack traces with their top frames (innermost first)");
        }

        Assert.That(rest.Skip(2 + frames.Count), Is.EqualTo(new[]
        {
            $"resolved, assigned and unassigned {first["shortId"]}",
            "bulk: 250 issues now resolved",
            $"not found: 404 GET /api/0/organizations/{SandboxExpectations.OrganizationSlug}/issues/0/",
        }), run.ToString());
    }
}
