namespace Sentry.OpenApi.Generator.Tests.Diff;

/// <summary>Bad input to `diff`: exit 2 and one line naming the file (and line), never a stack trace.</summary>
[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed class DiffInputTests : DiffSpecCopies
{
    [Test]
    public async Task A_missing_old_spec_is_bad_input_naming_the_file()
    {
        var run = await ToolRun.RunAsync("diff", "/nonexistent/old.json", RepositoryPaths.BundledSpec);

        AssertBadInput(run, "/nonexistent/old.json: file not found (OLD)");
    }

    [Test]
    public async Task Malformed_json_is_bad_input_naming_the_file()
    {
        var spec = Folder.Write("broken.json", "{\"openapi\": \"3.0.3\", \"info\": {");

        var run = await ToolRun.RunAsync("diff", RepositoryPaths.BundledSpec, spec);

        AssertBadInput(run, $"{spec}: not a valid OpenAPI document");
    }

    [Test]
    public async Task Json_that_is_not_openapi_is_bad_input_naming_the_file()
    {
        var spec = Folder.Write("not-openapi.json", "{\"name\": \"sentry\"}");

        var run = await ToolRun.RunAsync("diff", spec, RepositoryPaths.BundledSpec);

        AssertBadInput(run, $"{spec}: not a valid OpenAPI document");
    }

    [Test]
    public async Task A_dangling_ref_in_a_compared_schema_is_bad_input_naming_file_and_pointer()
    {
        var text = (await File.ReadAllTextAsync(DiffRun.Fixture("base")))
            .Replace("\"$ref\": \"#/components/schemas/WidgetTag\"", "\"$ref\": \"#/components/schemas/Missing\"", StringComparison.Ordinal);
        var spec = Folder.Write("dangling.json", text);

        var run = await ToolRun.RunAsync("diff", DiffRun.Fixture("base"), spec);

        AssertBadInput(run, $"{spec}: /components/schemas/Widget/allOf/1/properties/tags/additionalProperties: $ref `#/components/schemas/Missing` does not resolve");
    }

    [Test]
    public async Task Malformed_acknowledgement_yaml_is_bad_input_naming_file_and_line()
    {
        var acknowledgements = Folder.Write("malformed.yaml", "acknowledged:\n  - id: \"x\"\n    reason: [unclosed\n");

        var run = await ToolRun.RunAsync("diff", DiffRun.Fixture("base"), DiffRun.Fixture("base"), "--acknowledgements", acknowledgements);

        AssertBadInput(run, $"{acknowledgements}:4:");
        Assert.That(run.Error, Does.Contain("malformed YAML"));
    }

    [Test]
    public async Task An_acknowledgement_without_a_reason_is_bad_input_naming_file_and_line()
    {
        var acknowledgements = Folder.Write("no-reason.yaml", "acknowledged:\n  - id: \"a\"\n    reason: \"why\"\n  - id: \"operation-removed:GET /api/0/x/\"\n");

        var run = await ToolRun.RunAsync("diff", DiffRun.Fixture("base"), DiffRun.Fixture("base"), "--acknowledgements", acknowledgements);

        AssertBadInput(run, $"{acknowledgements}:4: the acknowledgement needs a non-empty `reason`");
    }

    [Test]
    public async Task An_acknowledgement_without_an_id_is_bad_input_naming_file_and_line()
    {
        var acknowledgements = Folder.Write("no-id.yaml", "acknowledged:\n  - reason: \"why\"\n");

        var run = await ToolRun.RunAsync("diff", DiffRun.Fixture("base"), DiffRun.Fixture("base"), "--acknowledgements", acknowledgements);

        AssertBadInput(run, $"{acknowledgements}:2: the acknowledgement needs a non-empty `id`");
    }

    [Test]
    public async Task An_explicitly_named_missing_acknowledgements_file_is_bad_input()
    {
        var run = await ToolRun.RunAsync("diff", DiffRun.Fixture("base"), DiffRun.Fixture("base"), "--acknowledgements", "/nonexistent/acks.yaml");

        AssertBadInput(run, "/nonexistent/acks.yaml: acknowledgements file not found");
    }

    [Test]
    public async Task The_committed_acknowledgements_file_is_valid_and_used_by_default()
    {
        var committed = Path.Combine(RepositoryPaths.Root, "spec", "breaking-changes.yaml");
        Assert.That(File.Exists(committed), Is.True, committed);

        var (run, _, report) = await DiffRun.JsonAsync(DiffRun.Fixture("base"), DiffRun.Fixture("base"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(report!["acknowledgements"]!.GetValue<string>(), Is.EqualTo(committed));
    }

    [Test]
    public async Task Missing_arguments_are_a_usage_error()
    {
        var run = await ToolRun.RunAsync("diff", DiffRun.Fixture("base"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
    }

    private static void AssertBadInput(ToolRun run, string expected)
    {
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.Error, Does.Contain(expected), run.ToString());
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), $"one line, no stack trace:\n{run.Error}");
        Assert.That(run.Output, Is.Empty, "no half-written report");
    }

}
