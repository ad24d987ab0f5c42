using System.Text.Json.Nodes;
using Sentry.OpenApi.Generator.Tests.Validation;

namespace Sentry.OpenApi.Generator.Tests.Diff;

/// <summary>
/// Nullability at the use site (<c>nullable: true</c> + <c>allOf: [{$ref}]</c>, issue 12) is nullability for `diff`,
/// though Microsoft.OpenApi's object model drops a <c>nullable</c> that has no <c>type</c> beside it.
/// </summary>
[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed class DiffUseSiteNullableTests : DiffSpecCopies
{
    // Thing.parent is `nullable: true` + `allOf: [{$ref: ThingRef}]`.
    private static readonly string UseSite = Path.Combine(RepositoryPaths.Root, ValidateFixtures.PathOf("nullable-use-site.json"));

    [Test]
    public async Task Moving_nullable_from_the_component_to_the_use_site_is_no_change()
    {
        var component = await Edit("component.json", schemas =>
        {
            schemas["ThingRef"]!["nullable"] = true;
            schemas["Thing"]!["properties"]!["parent"] = new JsonObject { ["$ref"] = "#/components/schemas/ThingRef" };
        });

        var (run, findings, _) = await DiffRun.JsonAsync(component, UseSite);

        Assert.That(findings, Is.Empty, run.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
    }

    [Test]
    public async Task A_use_site_nullable_where_null_was_never_sent_is_breaking()
    {
        var never = await Edit("never-null.json", schemas =>
            schemas["Thing"]!["properties"]!["parent"] = new JsonObject { ["$ref"] = "#/components/schemas/ThingRef" });

        var (run, findings, _) = await DiffRun.JsonAsync(never, UseSite);

        Assert.That(findings.Select(f => (f.Id, f.Breaking, f.Pointer)), Is.EquivalentTo(new[]
        {
            ("response-property-made-nullable:GET /api/0/things/:response 200 body: [].parent", true, "/components/schemas/Thing/properties/parent"),
            ("response-property-made-nullable:GET /api/0/things/{thing_id}/:response 200 body: parent", true, "/components/schemas/Thing/properties/parent"),
        }), run.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.ToString());
    }

    // nullable-use-site.json with its component schemas edited.
    private Task<string> Edit(string name, Action<JsonObject> edit) => WithSchemas(UseSite, name, edit);
}
