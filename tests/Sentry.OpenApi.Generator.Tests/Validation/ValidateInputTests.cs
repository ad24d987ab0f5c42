namespace Sentry.OpenApi.Generator.Tests.Validation;

/// <summary>`validate` on our own spec and on bad input: the documented exit code and one clear line.</summary>
[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed class ValidateInputTests
{
    [Test]
    public async Task Our_spec_validates_clean()
    {
        var run = await ToolRun.RunAsync("validate");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(ValidateFixtures.Findings(run).Where(l => l.Contains(": error ", StringComparison.Ordinal)), Is.Empty, run.ToString());
        Assert.That(run.Output, Does.Match(@"validate: 0 error\(s\), \d+ warning\(s\); 110 operations, \d+ examples checked\."));
    }

    [Test]
    public async Task A_missing_spec_is_bad_input_naming_the_file()
    {
        var run = await ToolRun.RunAsync("validate", "--spec", "/nonexistent/sentry-api.json");

        AssertOneLine(run, "/nonexistent/sentry-api.json: file not found");
    }

    [Test]
    public async Task Malformed_json_is_bad_input_naming_file_and_line()
    {
        var run = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf("malformed.json"));

        AssertOneLine(run, $"{ValidateFixtures.PathOf("malformed.json")}:4: malformed JSON");
    }

    [Test]
    public async Task A_dangling_ref_is_bad_input_naming_the_pointer_and_the_reference()
    {
        var fixture = ValidateFixtures.PathOf("dangling-ref.json");
        var run = await ToolRun.RunAsync("validate", "--spec", fixture);

        var line = ValidateFixtures.LineOf("dangling-ref.json", "\"$ref\": \"#/components/schemas/Missing\"");
        AssertOneLine(run, $"{fixture}:{line}: #/paths/~1api~10~1things~1{{thing_id}}~1/get/responses/200/content/application~1json/schema/$ref: $ref `#/components/schemas/Missing` does not resolve");
    }

    [Test]
    public async Task An_example_of_the_wrong_type_is_SENTRY006_with_the_field_path()
    {
        var fixture = "sentry006-wrong-type.json";
        var run = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf(fixture));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.ToString());
        var findings = ValidateFixtures.Findings(run);
        Assert.That(findings, Has.Count.EqualTo(1), run.ToString());
        Assert.That(findings[0], Does.StartWith($"{ValidateFixtures.PathOf(fixture)}:{ValidateFixtures.LineOf(fixture, "\"id\": 1")}: error SENTRY006 "
            + "RetrieveThing (GET /api/0/things/{thing_id}/) #/components/examples/ThingOne/value/id: ").And.Contain("\"integer\"").And.Contain("\"string\""));
    }

    [Test]
    public async Task A_duplicate_operation_id_is_one_SENTRY001_line()
    {
        var run = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf("sentry001-duplicate-operation-id.json"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.ToString());
        Assert.That(ValidateFixtures.Findings(run), Has.Count.EqualTo(1).And.All.Contain(" error SENTRY001 ").And.All.Contain("`ListThings` is also used by GET /api/0/things/"), run.ToString());
    }

    [Test]
    public async Task Sources_named_but_missing_are_bad_input()
    {
        var run = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf("valid.json"), "--sources", "/nonexistent/openapi.yaml");

        AssertOneLine(run, "/nonexistent/openapi.yaml: sources not found");
    }

    [Test]
    public async Task Malformed_yaml_in_the_sources_is_bad_input_naming_file_and_line()
    {
        var folder = Directory.CreateTempSubdirectory("validate-sources-").FullName;
        var root = Path.Combine(folder, "openapi.yaml");
        await File.WriteAllTextAsync(root, "openapi: 3.0.3\ninfo:\n  title: Sentry\n    version: 1.0.0\npaths: {}\n");

        var run = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf("valid.json"), "--sources", root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.Error, Does.StartWith($"error: {root}:4: malformed YAML"), run.ToString());
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), run.ToString());
    }

    private static void AssertOneLine(ToolRun run, string expected)
    {
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), $"one line expected\n{run}");
        Assert.That(lines[0], Does.StartWith($"error: {expected}"), run.ToString());
        Assert.That(run.Output, Is.Empty, run.ToString());
    }
}
