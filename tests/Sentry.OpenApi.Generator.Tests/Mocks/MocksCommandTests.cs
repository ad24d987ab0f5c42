using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.Generator.Tests.Mocks;

[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed class MocksCommandTests
{
    private static List<JObject> Mappings(string dir) =>
        Directory.GetFiles(Path.Combine(dir, "mappings"), "*.json").Select(f => JObject.Parse(File.ReadAllText(f))).ToList();

    [Test]
    public async Task Mocks_writes_one_wiremock_net_mapping_per_operation_example_and_an_index()
    {
        using var sandbox = new TemporaryDirectory();
        var dir = sandbox.Path;

        var run = await ToolRun.RunAsync("mocks", "--out", dir, "--base-url", "http://localhost:9090/");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var mappings = Mappings(dir);
        Assert.That(mappings.Select(m => (string?)m["Data"]?["sentry"]?["operationId"]).Distinct(), Is.EquivalentTo(SpecOperations.All()), "every operation has a stub");
        Assert.That(mappings, Has.All.Matches<JObject>(m => m["Guid"] is not null && m["Request"]?["Methods"] is JArray && m["Request"]?["Path"]?["Matchers"] is JArray
            && m["Request"]?["Params"] is null && m["Response"]?["StatusCode"] is not null), "method and path only: a wrong query is the test's to see, not a 404");
        var issues = mappings.Single(m => (string?)m["Title"] == "ListOrganizationIssues/default");
        Assert.That((string?)issues["Response"]!["Headers"]!["Link"], Does.StartWith("<http://localhost:9090/api/0/organizations/the-interstellar-jurisdiction/issues/"));
        Assert.That(issues["Response"]!["BodyAsJson"], Is.InstanceOf<JArray>());
        Assert.That(File.ReadAllText(Path.Combine(dir, "index.md")), Does.Contain("| ListOrganizationIssues | default |").And.Contain("sentry-openapi sandbox"));
        Assert.That(Directory.GetFileSystemEntries(dir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "mappings", "index.md", ".sentry-openapi-mocks" }), "no temp files left behind");
    }

    [Test]
    public async Task Mocks_writes_the_same_mappings_every_time()
    {
        using var first = new TemporaryDirectory();
        using var second = new TemporaryDirectory();

        await ToolRun.RunAsync("mocks", "--out", first.Path);
        await ToolRun.RunAsync("mocks", "--out", second.Path);

        var files = Directory.GetFiles(Path.Combine(first.Path, "mappings")).Select(Path.GetFileName).ToList();
        Assert.That(files, Is.Not.Empty);
        Assert.That(files.Select(f => File.ReadAllText(Path.Combine(first.Path, "mappings", f!))),
            Is.EqualTo(files.Select(f => File.ReadAllText(Path.Combine(second.Path, "mappings", f!)))), "stable ids and order: reruns do not churn");
    }

    [Test]
    public async Task Mocks_with_format_java_writes_java_wiremock_mappings_and_files_folder()
    {
        using var sandbox = new TemporaryDirectory();
        var dir = sandbox.Path;

        var run = await ToolRun.RunAsync("mocks", "--out", dir, "--format", "java", "--base-url", "http://localhost:9090/");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var mappings = Mappings(dir);
        Assert.That(mappings.Select(m => (string?)m["metadata"]?["sentry"]?["operationId"]).Distinct(), Is.EquivalentTo(SpecOperations.All()));
        Assert.That(mappings, Has.All.Matches<JObject>(m => m["request"]?["method"] is not null && m["request"]?["urlPath"] is not null && m["response"]?["status"] is not null));
        var issues = mappings.Single(m => (string?)m["name"] == "ListOrganizationIssues/default");
        Assert.That((string?)issues["response"]!["headers"]!["Link"], Does.StartWith("<http://localhost:9090/api/0/organizations/the-interstellar-jurisdiction/issues/"));
        Assert.That(File.ReadAllText(Path.Combine(dir, "index.md")), Does.Contain("java -jar wiremock-standalone.jar"));
        Assert.That(Directory.GetFileSystemEntries(dir).Select(Path.GetFileName), Is.EquivalentTo(new[] { "mappings", "__files", "index.md", ".sentry-openapi-mocks" }));
    }

    [Test]
    public async Task Mocks_replaces_its_own_previous_output_entirely()
    {
        using var sandbox = new TemporaryDirectory();
        var dir = Path.Combine(sandbox.Path, "sandbox");
        Assert.That((await ToolRun.RunAsync("mocks", "--out", dir)).ExitCode, Is.EqualTo(ExitCodes.Ok));
        await File.WriteAllTextAsync(Path.Combine(dir, "mappings", "RemovedOperation--default.json"), "{}");

        var run = await ToolRun.RunAsync("mocks", "--out", dir, "--format", "java");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(File.Exists(Path.Combine(dir, "mappings", "RemovedOperation--default.json")), Is.False);
        Assert.That(Directory.Exists(Path.Combine(dir, "__files")), Is.True);
    }

    [Test]
    public async Task Mocks_without_out_is_a_usage_error()
    {
        var run = await ToolRun.RunAsync("mocks");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain("--out"));
    }

    [Test]
    public async Task Mocks_with_an_unknown_format_is_a_usage_error_naming_the_formats()
    {
        using var sandbox = new TemporaryDirectory();

        var run = await ToolRun.RunAsync("mocks", "--out", sandbox.Path, "--format", "yaml");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain("wiremock-net").And.Contain("java"));
    }
}
