namespace Sentry.OpenApi.Generator.Tests.Validation;

/// <summary>
/// Findings on a bundle point back into the split sources it was bundled from: Fixtures/validate/sources/
/// (YAML, and JSON examples), bundled by Redocly into sources-bundle.json.
/// </summary>
[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed class SourceLocationTests
{
    private static readonly string Sources = ValidateFixtures.PathOf("sources");

    private static Task<ToolRun> RunAsync() =>
        ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf("sources-bundle.json"), "--sources", $"{Sources}/openapi.yaml");

    [Test]
    public async Task An_operation_finding_names_the_line_in_the_paths_file()
    {
        var run = await RunAsync();

        Assert.That(ValidateFixtures.Findings(run), Has.Some.StartWith(
            $"{Sources}/paths/things.yaml:{LineOf("paths/things.yaml", "  get:", 2)}: error SENTRY003 RetrieveThing (GET /api/0/things/{{thing_id}}/) #/paths/~1api~10~1things~1{{thing_id}}~1/get: "),
            run.ToString());
    }

    [Test]
    public async Task An_example_finding_names_the_line_in_the_yaml_example_file()
    {
        var run = await RunAsync();

        Assert.That(ValidateFixtures.Findings(run), Has.Some.StartWith(
            $"{Sources}/components/examples/ThingOne.yaml:{LineOf("components/examples/ThingOne.yaml", "color: red")}: error SENTRY006 RetrieveThing (GET /api/0/things/{{thing_id}}/) #/components/examples/ThingOne/value/color: "),
            run.ToString());
    }

    [Test]
    public async Task An_example_finding_names_the_line_in_the_json_example_file()
    {
        var run = await RunAsync();

        Assert.That(ValidateFixtures.Findings(run), Has.Some.StartWith(
            $"{Sources}/components/examples/ThingList.json:{LineOf("components/examples/ThingList.json", "\"id\": 2")}: error SENTRY006 ListThings (GET /api/0/things/) #/components/examples/ThingList/value/1/id: "),
            run.ToString());
    }

    [Test]
    public async Task A_component_file_the_bundle_left_out_is_an_unused_component_at_its_first_line()
    {
        var run = await RunAsync();

        Assert.That(ValidateFixtures.Findings(run), Has.Some.StartWith($"{Sources}/components/schemas/Orphan.yaml:1: error SENTRY009 #/components/schemas/Orphan: "), run.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings));
        Assert.That(ValidateFixtures.Findings(run), Has.Count.EqualTo(4), run.ToString());
    }

    [Test]
    public async Task Without_sources_a_fixture_bundle_is_located_in_itself()
    {
        var run = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf("sources-bundle.json"));

        Assert.That(ValidateFixtures.Findings(run), Has.Some.StartWith(
            $"{ValidateFixtures.PathOf("sources-bundle.json")}:{ValidateFixtures.LineOf("sources-bundle.json", "\"color\": \"red\"")}: error SENTRY006 "),
            run.ToString());
    }

    [Test]
    public async Task Sources_may_be_named_by_their_folder()
    {
        var run = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf("sources-bundle.json"), "--sources", Sources);

        Assert.That(ValidateFixtures.Findings(run), Has.Some.StartWith($"{Sources}/paths/things.yaml:"), run.ToString());
    }

    private static int LineOf(string file, string marker, int occurrence = 1) => ValidateFixtures.LineOf($"sources/{file}", marker, occurrence);
}
