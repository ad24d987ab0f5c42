using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.Generator.Tests.Mocks;

[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed class MocksCommandTests
{
    [Test]
    public async Task Mocks_writes_one_wiremock_mapping_per_operation_example_and_an_index()
    {
        using var sandbox = new TemporaryDirectory();
        var dir = sandbox.Path;

        var run = await ToolRun.RunAsync("mocks", "--out", dir, "--base-url", "http://localhost:9090/");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var mappings = Directory.GetFiles(Path.Combine(dir, "mappings"), "*.json").Select(f => JObject.Parse(File.ReadAllText(f))).ToList();
        var operations = SpecOperations.All();
        Assert.That(mappings.Select(m => (string?)m["metadata"]?["sentry"]?["operationId"]).Distinct(), Is.EquivalentTo(operations), "every operation has a stub");
        Assert.That(mappings, Has.All.Matches<JObject>(m => m["request"]?["method"] is not null && m["request"]?["urlPath"] is not null && m["response"]?["status"] is not null));
        var issues = mappings.Single(m => (string?)m["name"] == "ListOrganizationIssues/default");
        Assert.That((string?)issues["response"]!["headers"]!["Link"], Does.StartWith("<http://localhost:9090/api/0/organizations/the-interstellar-jurisdiction/issues/"));
        Assert.That(issues["response"]!["jsonBody"], Is.InstanceOf<JArray>());
        Assert.That(File.ReadAllText(Path.Combine(dir, "index.md")), Does.Contain("| ListOrganizationIssues | default |"));
        Assert.That(Directory.GetFileSystemEntries(dir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "mappings", "__files", "index.md" }), "no temp files left behind");
    }

    [Test]
    public async Task Mocks_replaces_an_old_sandbox_entirely()
    {
        using var sandbox = new TemporaryDirectory();
        var dir = sandbox.Path;
        Directory.CreateDirectory(Path.Combine(dir, "mappings"));
        await File.WriteAllTextAsync(Path.Combine(dir, "mappings", "RemovedOperation--default.json"), "{}");

        var run = await ToolRun.RunAsync("mocks", "--out", dir);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(File.Exists(Path.Combine(dir, "mappings", "RemovedOperation--default.json")), Is.False);
    }

    [Test]
    public async Task Mocks_without_out_is_a_usage_error()
    {
        var run = await ToolRun.RunAsync("mocks");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain("--out"));
    }
}
