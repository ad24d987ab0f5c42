namespace Sentry.OpenApi.Generator.Tests.Validation;

/// <summary>
/// `validate` on $ref/allOf cycles: one SENTRY012 finding naming the pointer chain and the line, exit 1,
/// never a stack overflow; recursion through properties and items is legitimate and has no finding.
/// The tool runs as its own process, so a crash fails the test instead of ending the test run.
/// </summary>
public sealed class SchemaCycleTests
{
    private const string Thing = "#/components/schemas/Thing";
    private const string ThingBase = "#/components/schemas/ThingBase";
    private const string ThingAlias = "#/components/schemas/ThingAlias";

    [Test]
    public async Task An_allOf_cycle_is_one_SENTRY012_error_with_the_pointer_chain_and_line()
    {
        const string Fixture = "sentry012-allof-cycle.json";
        var run = await ToolProcess.RunAsync("validate", "--spec", ValidateFixtures.PathOf(Fixture));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.ToString());
        var line = ValidateFixtures.LineOf(Fixture, $"\"$ref\": \"{ThingBase}\"", offset: -1);
        Assert.That(ValidateFixtures.Findings(run), Is.EqualTo(new[]
        {
            $"{ValidateFixtures.PathOf(Fixture)}:{line}: error SENTRY012 {Thing}/allOf/0: schema cycle {Thing} -> {ThingBase} -> {Thing} (allOf, allOf): "
            + "a value would be checked against the same schema again before any of its properties or items is read, so no walk of it ever ends; "
            + "put the recursion under `properties`, `items` or `additionalProperties` (a tree), or merge the schemas.",
        }), run.ToString());
        Assert.That(run.Output, Does.Contain("validate: 1 error(s), 0 warning(s); 2 operations, 4 examples checked."), run.ToString());
    }

    [Test]
    public async Task A_component_that_is_a_ref_to_itself_is_SENTRY012_at_its_ref()
    {
        const string Fixture = "sentry012-ref-self.json";
        var run = await ToolProcess.RunAsync("validate", "--spec", ValidateFixtures.PathOf(Fixture));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.ToString());
        var line = ValidateFixtures.LineOf(Fixture, "\"ThingAlias\": {", offset: 1);
        Assert.That(ValidateFixtures.Findings(run).Where(f => f.Contains(" SENTRY012 ", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            $"{ValidateFixtures.PathOf(Fixture)}:{line}: error SENTRY012 {ThingAlias}/$ref: schema cycle {ThingAlias} -> {ThingAlias} ($ref): "
            + "a value would be checked against the same schema again before any of its properties or items is read, so no walk of it ever ends; "
            + "put the recursion under `properties`, `items` or `additionalProperties` (a tree), or merge the schemas.",
        }), run.ToString());

        // Microsoft.OpenApi warns about the same reference; nothing else is wrong with the fixture.
        Assert.That(ValidateFixtures.Findings(run).Where(f => !f.Contains(" SENTRY012 ", StringComparison.Ordinal)),
            Has.All.Contains(" warning OPENAPI-RULE ").And.All.Contains("Circular reference"), run.ToString());
    }

    [Test]
    public async Task Recursion_through_properties_and_items_is_legitimate_and_its_examples_are_checked()
    {
        var run = await ToolProcess.RunAsync("validate", "--spec", ValidateFixtures.PathOf("recursive-tree.json"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(ValidateFixtures.Findings(run), Is.Empty, run.ToString());
        Assert.That(run.Output, Does.Contain("validate: 0 error(s), 0 warning(s); 2 operations, 4 examples checked."), run.ToString());
    }

    [Test]
    public async Task A_wrong_field_deep_in_a_recursive_example_is_still_found()
    {
        using var folder = new TemporaryDirectory();
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, ValidateFixtures.PathOf("recursive-tree.json")));
        var spec = folder.Write("tree.json", text.Replace("\"id\": \"3\"", "\"id\": 3", StringComparison.Ordinal));

        var run = await ToolProcess.RunAsync("validate", "--spec", spec);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.ToString());
        Assert.That(ValidateFixtures.Findings(run), Has.Exactly(1).Contains(" error SENTRY006 RetrieveThing (GET /api/0/things/{thing_id}/) "
            + "#/components/examples/ThingOne/value/children/0/children/0/id: "), run.ToString());
    }

    // stats and coverage count operations and examples; they walk no schema, so a cycle does not concern them.
    [Test]
    public async Task Stats_counts_a_spec_with_a_cycle()
    {
        var run = await ToolProcess.RunAsync("stats", "--spec", ValidateFixtures.PathOf("sentry012-allof-cycle.json"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Output, Does.Match(@"(?m)^operations\s+2$").And.Match(@"(?m)^schemas\s+2$"), run.ToString());
    }

    [Test]
    public async Task Coverage_compares_a_spec_with_a_cycle()
    {
        using var folder = new TemporaryDirectory();
        var reference = folder.Write("operations.tsv", "method\tpath\tsummary\nGET\t/api/0/things/\tList things\nGET\t/api/0/things/{thing_id}/\tRetrieve a thing\n");

        var run = await ToolProcess.RunAsync("coverage", "--spec", ValidateFixtures.PathOf("sentry012-ref-self.json"), "--reference", reference);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Output, Does.Contain("covered: 2/2 reference operations"), run.ToString());
    }
}
