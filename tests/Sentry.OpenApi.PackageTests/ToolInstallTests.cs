using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.PackageTests;

/// <summary>The sentry-api tool installed from the packed folder, as README and issue 14 show it.</summary>
[TestFixture]
public sealed class ToolInstallTests
{
    [Test]
    [CancelAfter(10 * 60 * 1000)]
    public async Task InstalledToolListsEveryUnresolvedIssueAcrossPagesAsJsonLines(CancellationToken cancellationToken)
    {
        using var tools = new TemporaryDirectory();
        using var outside = new TemporaryDirectory();
        await DotnetCli.RunAsync("dotnet",
            ["tool", "install", "--add-source", PackedPackages.Folder, "--tool-path", tools.Path, "Sentry.OpenApi.Cli", "--version", PackedPackages.Version],
            outside.Path, TimeSpan.FromMinutes(5), PackedPackages.RestoreEnvironment);

        var run = await DotnetCli.RunAsync(Path.Combine(tools.Path, "sentry-api"),
            ["issues", "list", "--org", SandboxExpectations.OrganizationSlug, "--base-url", PackedPackages.Sandbox.ApiRoot.AbsoluteUri, "--is", "unresolved", "--all", "--json"],
            outside.Path, TimeSpan.FromMinutes(2),
            new Dictionary<string, string?> { ["SENTRY_AUTH_TOKEN"] = "smoke-token", ["HOME"] = outside.Path, ["DOTNET_ROLL_FORWARD"] = "Major" });

        var expected = await SandboxExpectations.UnresolvedIssuesAsync(PackedPackages.Sandbox.ApiRoot, cancellationToken);
        var printed = run.OutputLines.Select(line => JObject.Parse(line)).ToList();
        Assert.That(printed.Select(i => (string?)i["id"]), Is.EqualTo(expected.Select(i => (string?)i["id"])),
            $"sentry-api issues list --all --json should print one JSON line per unresolved issue of every page:\n{run}");
        Assert.That(run.Output + run.Error, Does.Not.Contain("smoke-token"), "the tool printed the token");
    }
}
