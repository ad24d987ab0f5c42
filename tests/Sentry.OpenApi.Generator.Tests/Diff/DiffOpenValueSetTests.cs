using System.Text.Json.Nodes;
using Sentry.OpenApi.Generator.Tests.Validation;

namespace Sentry.OpenApi.Generator.Tests.Diff;

/// <summary>
/// An open value set in its standard form (<c>type: string</c>, <c>anyOf: [{type: string, enum}, {type: string}]</c>,
/// <c>x-extensible-enum</c>) is one string with known values for `diff`, as <c>x-extensible-enum</c> alone is: not two variants.
/// </summary>
[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed class DiffOpenValueSetTests : DiffSpecCopies
{
    private static readonly string Standard = Path.Combine(RepositoryPaths.Root, ValidateFixtures.PathOf("valid.json"));

    [Test]
    public async Task Writing_an_x_extensible_enum_in_the_standard_form_is_no_change()
    {
        var bare = await Edit("bare.json", status => status.AsObject().Remove("anyOf"));

        var (run, findings, _) = await DiffRun.JsonAsync(bare, Standard);

        Assert.That(findings, Is.Empty, run.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
    }

    [Test]
    public async Task A_value_added_to_a_standard_open_set_is_not_breaking()
    {
        var more = await Edit("more.json", status =>
        {
            status["x-extensible-enum"]!.AsArray().Add("ignored");
            status["anyOf"]![0]!["enum"]!.AsArray().Add("ignored");
        });

        var (run, findings, _) = await DiffRun.JsonAsync(Standard, more);

        Assert.That(findings.Select(f => (f.Id, f.Breaking)), Is.EquivalentTo(new[]
        {
            ("response-enum-value-added:GET /api/0/things/:response 200 body: [].status:ignored", false),
            ("response-enum-value-added:GET /api/0/things/{thing_id}/:response 200 body: status:ignored", false),
        }), run.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
    }

    // valid.json with Thing.status edited.
    private Task<string> Edit(string name, Action<JsonNode> edit) =>
        WithSchemas(Standard, name, schemas => edit(schemas["Thing"]!["properties"]!["status"]!));
}
