using System.Text.Json.Nodes;
using Sentry.OpenApi.Generator.Tests.Validation;

namespace Sentry.OpenApi.Generator.Tests.Diff;

/// <summary>
/// `diff` on specs with $ref/allOf cycles: bad input (exit 2) in one line naming the file, the
/// pointer and the chain, never a hang or a crash; recursion through properties and items compares.
/// The tool runs as its own process, so a hang or a stack overflow fails one test.
/// </summary>
public sealed class DiffCycleTests : DiffSpecCopies
{
    private static readonly string Valid = Fixture("valid.json");

    [Test]
    public async Task An_allOf_cycle_in_NEW_is_bad_input_naming_file_pointer_and_chain()
    {
        var spec = Fixture("sentry012-allof-cycle.json");

        var run = await ToolProcess.RunAsync("diff", Valid, spec);

        AssertBadInput(run, $"error: {spec}: #/components/schemas/Thing/allOf/0: schema cycle in NEW: "
            + "#/components/schemas/Thing -> #/components/schemas/ThingBase -> #/components/schemas/Thing (allOf, allOf): ");
    }

    [Test]
    public async Task A_pair_of_refs_naming_each_other_in_OLD_is_bad_input_not_a_hang()
    {
        var spec = await WithSchemas(Valid, "ref-pair.json", schemas =>
        {
            schemas["ThingLink"] = new JsonObject { ["$ref"] = "#/components/schemas/ThingLinkTarget" };
            schemas["ThingLinkTarget"] = new JsonObject { ["$ref"] = "#/components/schemas/ThingLink" };
            schemas["Thing"]!["properties"]!["link"] = new JsonObject { ["$ref"] = "#/components/schemas/ThingLink" };
        });

        var run = await ToolProcess.RunAsync("diff", spec, Valid);

        AssertBadInput(run, $"error: {spec}: #/components/schemas/ThingLink/$ref: schema cycle in OLD: "
            + "#/components/schemas/ThingLink -> #/components/schemas/ThingLinkTarget -> #/components/schemas/ThingLink ($ref, $ref): ");
    }

    [Test]
    public async Task A_component_that_is_a_ref_to_itself_is_bad_input_not_an_unhandled_exception()
    {
        // Against itself, so that the property using the alias is compared on both sides.
        var spec = Fixture("sentry012-ref-self.json");

        var run = await ToolProcess.RunAsync("diff", spec, spec);

        AssertBadInput(run, $"error: {spec}: #/components/schemas/ThingAlias/$ref: schema cycle in OLD: "
            + "#/components/schemas/ThingAlias -> #/components/schemas/ThingAlias ($ref): ");
    }

    [Test]
    public async Task A_tree_compares_with_its_new_properties_reported_once()
    {
        var tree = Fixture("recursive-tree.json");
        var flat = await WithSchemas(tree, "flat.json", schemas =>
        {
            var properties = schemas["Thing"]!["properties"]!.AsObject();
            foreach (var recursive in new[] { "parent", "children", "path" })
            {
                properties.Remove(recursive);
            }

            schemas.Remove("ThingPath");
        });
        var (run, findings, _) = await DiffRun.JsonAsync(flat, tree);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(findings.Select(f => f.Id), Is.EquivalentTo(new[]
        {
            "response-property-added:GET /api/0/things/:response 200 body: [].children",
            "response-property-added:GET /api/0/things/:response 200 body: [].parent",
            "response-property-added:GET /api/0/things/:response 200 body: [].path",
            "response-property-added:GET /api/0/things/{thing_id}/:response 200 body: children",
            "response-property-added:GET /api/0/things/{thing_id}/:response 200 body: parent",
            "response-property-added:GET /api/0/things/{thing_id}/:response 200 body: path",
        }), run.ToString());
    }

    [Test]
    public async Task A_nested_list_that_changes_type_is_reported_with_a_finite_type()
    {
        var old = Fixture("recursive-tree.json");
        var spec = await WithSchemas(old, "path-as-string.json", schemas => schemas["Thing"]!["properties"]!["path"] = new JsonObject { ["type"] = "string" });

        var run = await ToolProcess.RunAsync("diff", old, spec);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.ToString());
        Assert.That(run.Output, Does.Contain("response 200 body: [].path: type changed from array<recursive /components/schemas/ThingPath> to string"), run.ToString());
    }

    private static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, ValidateFixtures.PathOf(name));

    private static void AssertBadInput(ToolRun run, string start)
    {
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), $"one line expected\n{run}");
        Assert.That(lines[0], Does.StartWith(start), run.ToString());
        Assert.That(run.Output, Is.Empty, run.ToString());
    }
}
