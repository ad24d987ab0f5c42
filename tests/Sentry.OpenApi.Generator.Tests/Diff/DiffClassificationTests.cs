namespace Sentry.OpenApi.Generator.Tests.Diff;

/// <summary>
/// Fixtures/diff/base.json against one variant per change (Fixtures/diff/&lt;variant&gt;.json, each differing
/// from the base in one place): the exact finding, its breaking flag and where it points.
/// </summary>
[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed class DiffClassificationTests
{
    private const string List = "GET /api/0/widgets/";
    private const string Update = "PUT /api/0/widgets/{widget_id}/";
    private const string Delete = "DELETE /api/0/widgets/{widget_id}/";
    private const string ListPointer = "/paths/~1api~10~1widgets~1/get";
    private const string ItemPointer = "/paths/~1api~10~1widgets~1{widget_id}~1";
    private const string WidgetPart = "/components/schemas/Widget/allOf/1/properties";
    private const string WidgetUpdate = "/components/schemas/WidgetUpdate/properties";

    public static IEnumerable<TestCaseData> Changes()
    {
        // variant, kind, breaking, id, pointer (in NEW; in OLD for what was removed)
        TestCaseData Case(string variant, string kind, bool breaking, string id, string pointer) =>
            new TestCaseData(variant, kind, breaking, id, pointer).SetArgDisplayNames(variant);

        // Breaking.
        yield return Case("operation-removed", "operation-removed", true, $"operation-removed:{Delete}", $"{ItemPointer}/delete");
        yield return Case("operation-moved-path", "operation-moved", true, $"operation-moved:{Delete}:DELETE /api/0/widget-items/{{widget_id}}/", "/paths/~1api~10~1widget-items~1{widget_id}~1/delete");
        yield return Case("operation-moved-method", "operation-moved", true, $"operation-moved:{Delete}:POST /api/0/widgets/{{widget_id}}/", $"{ItemPointer}/post");
        yield return Case("parameter-added-required", "parameter-added-required", true, $"parameter-added-required:{List}:parameter query project", $"{ListPointer}/parameters/4");
        yield return Case("parameter-removed", "parameter-removed", true, $"parameter-removed:{List}:parameter query cursor", $"{ListPointer}/parameters/0");
        yield return Case("parameter-renamed", "parameter-renamed", true, $"parameter-renamed:{List}:parameter query cursor", $"{ListPointer}/parameters/0");
        yield return Case("parameter-moved", "parameter-moved", true, $"parameter-moved:{List}:parameter query cursor", $"{ListPointer}/parameters/0");
        yield return Case("parameter-type-changed", "parameter-type-changed", true, $"parameter-type-changed:{List}:parameter query limit", $"{ListPointer}/parameters/2/schema");
        yield return Case("parameter-made-required", "parameter-made-required", true, $"parameter-made-required:{List}:parameter query limit", $"{ListPointer}/parameters/2");
        yield return Case("parameter-enum-value-removed", "request-enum-value-removed", true, $"request-enum-value-removed:{List}:parameter query status:archived", "/components/schemas/WidgetStatusFilter");
        yield return Case("request-property-made-required", "request-property-made-required", true, $"request-property-made-required:{Update}:request body: name", $"{WidgetUpdate}/name");
        yield return Case("request-property-added-required", "request-property-added-required", true, $"request-property-added-required:{Update}:request body: owner", $"{WidgetUpdate}/owner");
        yield return Case("request-string-to-enum", "request-type-narrowed", true, $"request-type-narrowed:{Update}:request body: label:enum", $"{WidgetUpdate}/label");
        yield return Case("request-number-to-integer", "request-type-narrowed", true, $"request-type-narrowed:{Update}:request body: size:type", $"{WidgetUpdate}/size");
        yield return Case("request-oneof-variant-removed", "request-type-narrowed", true, $"request-type-narrowed:{Update}:request body: shape:variant WidgetShapeSquare", $"{WidgetUpdate}/shape/oneOf/1");
        yield return Case("request-max-length-lowered", "request-type-narrowed", true, $"request-type-narrowed:{Update}:request body: name:maxLength", $"{WidgetUpdate}/name");
        yield return Case("request-body-added-required", "request-body-added-required", true, $"request-body-added-required:{Delete}:request body", $"{ItemPointer}/delete/requestBody");
        yield return Case("request-enum-value-removed", "request-enum-value-removed", true, $"request-enum-value-removed:{Update}:request body: color:green", "/components/schemas/WidgetColor");
        yield return Case("response-property-removed", "response-property-removed", true, $"response-property-removed:{List}:response 200 body: [].project.slug", $"{WidgetPart}/project/properties/slug");
        yield return Case("response-base-property-removed", "response-property-removed", true, $"response-property-removed:{List}:response 200 body: [].name", "/components/schemas/WidgetBase/properties/name");
        yield return Case("response-map-value-property-removed", "response-property-removed", true, $"response-property-removed:{List}:response 200 body: [].tags.*.value", "/components/schemas/WidgetTag/properties/value");
        yield return Case("response-property-made-nullable", "response-property-made-nullable", true, $"response-property-made-nullable:{List}:response 200 body: [].size", $"{WidgetPart}/size");
        yield return Case("response-property-type-changed", "response-type-changed", true, $"response-type-changed:{List}:response 200 body: [].size:type", $"{WidgetPart}/size");
        yield return Case("response-closed-enum-value-added", "response-enum-value-added", true, $"response-enum-value-added:{List}:response 200 body: [].shape:oval", $"{WidgetPart}/shape");
        yield return Case("response-status-removed", "response-status-removed", true, $"response-status-removed:{List}:response 404", $"{ListPointer}/responses/404");
        yield return Case("security-scope-added", "security-scope-added", true, $"security-scope-added:{List}:security:widget:admin", $"{ListPointer}/security");

        // Not breaking.
        yield return Case("operation-added", "operation-added", false, "operation-added:GET /api/0/widgets/{widget_id}/", $"{ItemPointer}/get");
        yield return Case("parameter-added-optional", "parameter-added-optional", false, $"parameter-added-optional:{List}:parameter query query", $"{ListPointer}/parameters/4");
        yield return Case("parameter-made-optional", "parameter-made-optional", false, $"parameter-made-optional:{List}:parameter query environment", $"{ListPointer}/parameters/3");
        yield return Case("request-property-added-optional", "request-property-added", false, $"request-property-added:{Update}:request body: owner", $"{WidgetUpdate}/owner");
        yield return Case("request-max-length-raised", "request-type-widened", false, $"request-type-widened:{Update}:request body: name:maxLength", $"{WidgetUpdate}/name");
        yield return Case("request-body-added-optional", "request-body-added-optional", false, $"request-body-added-optional:{Delete}:request body", $"{ItemPointer}/delete/requestBody");
        yield return Case("request-enum-value-added", "request-enum-value-added", false, $"request-enum-value-added:{Update}:request body: color:blue", "/components/schemas/WidgetColor");
        yield return Case("response-property-added", "response-property-added", false, $"response-property-added:{List}:response 200 body: [].createdAt", $"{WidgetPart}/createdAt");
        yield return Case("response-open-enum-value-added", "response-enum-value-added", false, $"response-enum-value-added:{List}:response 200 body: [].status:deleted", $"{WidgetPart}/status");
        yield return Case("response-enum-value-removed", "response-enum-value-removed", false, $"response-enum-value-removed:{List}:response 200 body: [].shape:square", $"{WidgetPart}/shape");
        yield return Case("response-status-added", "response-status-added", false, $"response-status-added:{List}:response 403", $"{ListPointer}/responses/403");
        yield return Case("security-scope-removed", "security-scope-removed", false, $"security-scope-removed:{Update}:security:widget:admin", $"{ItemPointer}/put/security");
    }

    [TestCaseSource(nameof(Changes))]
    public async Task Each_change_is_reported_once_with_its_kind_breaking_flag_and_location(string variant, string kind, bool breaking, string id, string pointer)
    {
        var (run, findings, _) = await DiffRun.JsonAsync(DiffRun.Fixture("base"), DiffRun.Fixture(variant));

        Assert.That(findings, Has.Count.EqualTo(1), $"{variant}: expected exactly one finding ({id}); got:\n{string.Join("\n", findings)}\n{run}");
        var finding = findings[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(finding.Kind, Is.EqualTo(kind), $"{variant}: kind of {finding.Id}");
            Assert.That(finding.Breaking, Is.EqualTo(breaking), $"{variant}: breaking flag of {finding.Id}");
            Assert.That(finding.Id, Is.EqualTo(id), $"{variant}: id (operation and location)");
            Assert.That(finding.Pointer, Is.EqualTo(pointer), $"{variant}: JSON pointer of {finding.Id}");
            Assert.That(finding.Message, Does.Not.Contain('\n'), $"{variant}: the message is one line");
            Assert.That(run.ExitCode, Is.EqualTo(breaking ? ExitCodes.Findings : ExitCodes.Ok), $"{variant}: exit code\n{run}");
        }
    }

    [Test]
    public async Task The_base_fixture_against_itself_has_no_findings_even_with_a_recursive_schema()
    {
        var (run, findings, _) = await DiffRun.JsonAsync(DiffRun.Fixture("base"), DiffRun.Fixture("base"));

        Assert.That(findings, Is.Empty, run.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
    }

    [Test]
    public async Task The_table_lists_status_kind_operation_pointer_and_message()
    {
        var run = await ToolRun.RunAsync("diff", DiffRun.Fixture("base"), DiffRun.Fixture("response-property-removed"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.ToString());
        var row = run.Output.Split('\n').Single(l => l.StartsWith("BREAKING", StringComparison.Ordinal));
        Assert.That(row, Does.Contain("response-property-removed")
            .And.Contain("ListWidgets (GET /api/0/widgets/)")
            .And.Contain($"{WidgetPart}/project/properties/slug")
            .And.Contain("response 200 body: [].project.slug: property removed"));
        Assert.That(run.Output, Does.Contain("1 change(s): 1 breaking (0 acknowledged, 1 not), 0 not breaking."));
    }
}
