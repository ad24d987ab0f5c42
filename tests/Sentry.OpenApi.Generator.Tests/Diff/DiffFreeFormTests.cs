using System.Text.Json.Nodes;
using Sentry.OpenApi.Generator.Tests.Validation;

namespace Sentry.OpenApi.Generator.Tests.Diff;

/// <summary>
/// A response value declared free-form (no type) that later spells out its shapes as a <c>oneOf</c>
/// (<c>MonitorCheckInConfig.schedule</c>: a crontab string or <c>[count, unit]</c>) narrows what Sentry is said to
/// send: clients generated from OLD read any of the shapes into their free-form value, so it is not breaking.
/// </summary>
[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed class DiffFreeFormTests : DiffSpecCopies
{
    private static readonly string Fixture = Path.Combine(RepositoryPaths.Root, ValidateFixtures.PathOf("nullable-use-site.json"));

    [Test]
    public async Task A_free_form_response_value_given_its_shapes_as_a_oneOf_is_narrowed_not_breaking()
    {
        var freeForm = await WithShape("free-form.json", new JsonObject { ["description"] = "Any JSON value." });
        var typed = await WithShape("typed.json", new JsonObject
        {
            ["oneOf"] = new JsonArray(
                new JsonObject { ["type"] = "string" },
                new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "integer" } }),
        });

        var (run, findings, _) = await DiffRun.JsonAsync(freeForm, typed);

        Assert.That(findings.Select(f => (f.Id, f.Breaking)), Is.EquivalentTo(new[]
        {
            ("response-type-narrowed:GET /api/0/things/:response 200 body: [].shape:oneOf/anyOf", false),
            ("response-type-narrowed:GET /api/0/things/{thing_id}/:response 200 body: shape:oneOf/anyOf", false),
        }), run.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
    }

    [Test]
    public async Task A_typed_response_value_gaining_a_shape_is_still_breaking()
    {
        var one = await WithShape("one.json", new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "boolean" }) });
        var two = await WithShape("two.json", new JsonObject
        {
            ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "boolean" }, new JsonObject { ["type"] = "integer" }),
        });

        var (run, findings, _) = await DiffRun.JsonAsync(one, two);

        Assert.That(findings.Where(f => f.Breaking).Select(f => f.Id), Has.Some.StartsWith("response-type-changed:").And.Some.Contains("shape"), run.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.ToString());
    }

    // The fixture with a Thing.shape property.
    private Task<string> WithShape(string name, JsonObject shape) =>
        WithSchemas(Fixture, name, schemas => schemas["Thing"]!["properties"]!["shape"] = shape);
}
