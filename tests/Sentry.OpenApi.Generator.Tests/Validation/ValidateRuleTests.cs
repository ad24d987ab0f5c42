namespace Sentry.OpenApi.Generator.Tests.Validation;

/// <summary>Each rule, on a fixture that violates it: the rule id, severity, operation, JSON pointer and file:line of the finding.</summary>
[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed class ValidateRuleTests
{
    private const string List = "ListThings (GET /api/0/things/)";
    private const string Retrieve = "RetrieveThing (GET /api/0/things/{thing_id}/)";
    private const string ListOp = "#/paths/~1api~10~1things~1/get";
    private const string RetrieveItem = "#/paths/~1api~10~1things~1{thing_id}~1";
    private const string RetrieveOp = RetrieveItem + "/get";
    private const string ThingStatus = "#/components/schemas/Thing/properties/status";

    public static IEnumerable<TestCaseData> Violations()
    {
        yield return Case("sentry001-duplicate-operation-id.json", "error SENTRY001", "ListThings (GET /api/0/things/{thing_id}/)", RetrieveOp + "/operationId",
            "\"operationId\": \"ListThings\"", occurrence: 2);
        yield return Case("sentry002-undeclared-tag.json", "error SENTRY002", Retrieve, RetrieveOp + "/tags/0", "\"Widgets\"");
        yield return Case("sentry003-no-summary.json", "error SENTRY003", Retrieve, RetrieveOp, "\"get\": {", occurrence: 2);
        yield return Case("sentry004-no-success-response.json", "error SENTRY004", Retrieve, RetrieveOp + "/responses", "\"responses\": {", occurrence: 2);
        yield return Case("sentry005-inline-schema-no-example.json", "error SENTRY005", Retrieve, RetrieveOp + "/responses/200/content/application~1json/schema",
            "\"schema\": {", occurrence: 3);
        yield return Case("sentry005-inline-schema-no-example.json", "error SENTRY005", Retrieve, RetrieveOp + "/responses/200/content/application~1json",
            "\"application/json\": {", occurrence: 2);
        yield return Case("sentry006-undeclared-field.json", "error SENTRY006", Retrieve, "#/components/examples/ThingOne/value/color", "\"color\": \"red\"");
        yield return Case("sentry006-undeclared-field.json", "error SENTRY006", List, "#/components/parameters/Cursor/example", "\"example\": 100");
        yield return Case("sentry007-pagination-incomplete.json", "error SENTRY007", List, ListOp, "\"get\": {");
        yield return Case("sentry007-pagination-incomplete.json", "error SENTRY007", List, ListOp + "/responses/200", "\"200\": {");
        yield return Case("sentry008-path-parameter-mismatch.json", "error SENTRY008", Retrieve, RetrieveItem + "/parameters/0", "\"name\": \"id\"", offset: -1);
        yield return Case("sentry008-path-parameter-mismatch.json", "error SENTRY008", Retrieve, RetrieveOp, "\"get\": {", occurrence: 2);
        yield return Case("sentry009-unused-component.json", "error SENTRY009", null, "#/components/schemas/Orphan", "\"Orphan\": {");
        yield return Case("sentry010-duplicate-example-name.json", "error SENTRY010", Retrieve, RetrieveOp + "/responses/202/content/application~1json/examples/default",
            "\"default\": {", occurrence: 3);
        yield return Case("sentry011-enum-in-response.json", "warning SENTRY011", List, "#/components/schemas/Thing/properties/status/enum", "\"enum\": [");
        yield return Case("sentry011-extensible-enum-only.json", "warning SENTRY011", List, ListOp + "/parameters/1/schema/x-extensible-enum",
            "\"x-extensible-enum\": [");
        yield return Case("sentry011-extensible-enum-only.json", "warning SENTRY011", null, ThingStatus + "/x-extensible-enum",
            "\"x-extensible-enum\": [", occurrence: 2);
        yield return Case("sentry011-open-set-mismatch.json", "error SENTRY011", null, ThingStatus + "/x-extensible-enum", "\"x-extensible-enum\": [");
        yield return Case("sentry011-anyof-without-extension.json", "error SENTRY011", null, ThingStatus + "/anyOf", "\"anyOf\": [");
        yield return Case("sentry013-nullable-component.json", "warning SENTRY013", null, "#/components/schemas/Thing/nullable", "\"nullable\": true");
        // A path item's own parameters are in no one operation.
        yield return Case("openapi-rules.json", "error OPENAPI-RULE", null, RetrieveItem + "/parameters/0/required", "\"required\": false");
    }

    [TestCaseSource(nameof(Violations))]
    public async Task A_violation_is_reported_with_rule_operation_pointer_and_line(string fixture, string rule, string? operation, string pointer, int line)
    {
        var run = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf(fixture));

        var expected = $"{ValidateFixtures.PathOf(fixture)}:{line}: {rule} {(operation is null ? "" : operation + " ")}{pointer}: ";
        Assert.That(ValidateFixtures.Findings(run), Has.Some.StartsWith(expected), $"{fixture}: expected a finding starting `{expected}`\n{run}");
        Assert.That(run.ExitCode, Is.EqualTo(rule.StartsWith("error", StringComparison.Ordinal) ? ExitCodes.Findings : ExitCodes.Ok), run.ToString());
    }

    [TestCaseSource(nameof(Fixtures))]
    public async Task A_fixture_reports_only_its_own_rule(string fixture)
    {
        var rules = Violations().Where(v => (string)v.Arguments[0]! == fixture).Select(v => ((string)v.Arguments[1]!).Split(' ')[1]).ToHashSet();
        // Microsoft.OpenApi reports a mismatched path parameter too.
        if (fixture.StartsWith("sentry008", StringComparison.Ordinal))
        {
            rules.Add("OPENAPI-RULE");
        }

        var run = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf(fixture));

        var others = ValidateFixtures.Findings(run).Where(f => !rules.Any(r => f.Contains($" {r} ", StringComparison.Ordinal))).ToList();
        Assert.That(others, Is.Empty, $"{fixture} should show only {string.Join(", ", rules)}\n{run}");
    }

    [Test]
    public async Task The_valid_fixture_has_no_findings()
    {
        var run = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf("valid.json"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(ValidateFixtures.Findings(run), Is.Empty, run.ToString());
        Assert.That(run.Output, Does.Contain("validate: 0 error(s), 0 warning(s); 2 operations, 4 examples checked."));
    }

    [Test]
    public async Task An_open_value_set_in_the_standard_form_with_the_same_values_is_no_finding()
    {
        // valid.json writes Thing.status as `type: string`, `anyOf: [{type: string, enum}, {type: string}]` and `x-extensible-enum`.
        var run = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf("valid.json"));

        Assert.That(ValidateFixtures.Findings(run).Where(f => f.Contains(" SENTRY011 ", StringComparison.Ordinal)), Is.Empty, run.ToString());
    }

    [Test]
    public async Task Open_value_set_findings_name_the_values_to_write()
    {
        var bare = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf("sentry011-extensible-enum-only.json"));
        var mismatch = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf("sentry011-open-set-mismatch.json"));

        Assert.That(ValidateFixtures.Findings(bare), Has.Some.EndsWith(
            "`x-extensible-enum` without its standard equivalent, so other tools see a plain string; add `type: string` and "
            + "`anyOf: [{type: string, enum: [open, closed]}, {type: string}]` beside it."), bare.ToString());
        Assert.That(ValidateFixtures.Findings(mismatch), Has.Some.EndsWith(
            "`x-extensible-enum` and the `anyOf` enum list different values; only in x-extensible-enum: ignored; only in the anyOf enum: archived; "
            + "list the same values in both."), mismatch.ToString());
    }

    [Test]
    public async Task Nullable_at_the_use_site_admits_null_in_examples_and_is_no_finding()
    {
        // Thing.parent is `nullable: true` + `allOf: [{$ref: ThingRef}]`; one example sends null, the other an object.
        var run = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf("nullable-use-site.json"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(ValidateFixtures.Findings(run), Is.Empty, run.ToString());
    }

    [Test]
    public async Task The_null_only_member_of_a_nullable_reference_is_no_closed_enum()
    {
        // spec/CONVENTIONS.md: `oneOf: [{$ref}, {type: string, nullable: true, enum: [null]}]` admits exactly null.
        using var folder = new TemporaryDirectory();
        var document = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, ValidateFixtures.PathOf("nullable-use-site.json"))))!;
        document["components"]!["schemas"]!["Thing"]!["properties"]!["parent"] = System.Text.Json.Nodes.JsonNode.Parse(
            """{"oneOf": [{"$ref": "#/components/schemas/ThingRef"}, {"type": "string", "nullable": true, "enum": [null]}]}""");
        var spec = folder.Write("null-member.json", document.ToJsonString());

        var run = await ToolRun.RunAsync("validate", "--spec", spec);

        Assert.That(ValidateFixtures.Findings(run), Is.Empty, run.ToString());
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
    }

    [Test]
    public async Task Nullable_at_the_use_site_still_checks_the_object()
    {
        using var folder = new TemporaryDirectory();
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, ValidateFixtures.PathOf("nullable-use-site.json")));
        var spec = folder.Write("parent-id-number.json", text.Replace("\"id\": \"0\"", "\"id\": 0", StringComparison.Ordinal));

        var run = await ToolRun.RunAsync("validate", "--spec", spec);

        Assert.That(ValidateFixtures.Findings(run), Has.Exactly(1).Contains(" error SENTRY006 ListThings (GET /api/0/things/) #/components/examples/ThingList/value/0/parent/id: "),
            run.ToString());
    }

    [Test]
    public async Task Warnings_alone_exit_0()
    {
        var run = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf("sentry011-enum-in-response.json"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Output, Does.Contain("0 error(s), 1 warning(s)"));
    }

    [Test]
    public async Task A_discriminator_checks_each_entry_against_its_mapped_schema()
    {
        var fixture = "sentry006-discriminator.json";
        var run = await ToolRun.RunAsync("validate", "--spec", ValidateFixtures.PathOf(fixture));

        // Entry 0 is a valid `message` entry (its `data` is declared only by the mapped schema);
        // entry 1 has an undeclared field in its data; entry 2 is of an unmapped kind, checked against the base.
        var findings = ValidateFixtures.Findings(run);
        Assert.That(findings, Has.Count.EqualTo(1), run.ToString());
        Assert.That(findings[0], Does.StartWith(
            $"{ValidateFixtures.PathOf(fixture)}:{ValidateFixtures.LineOf(fixture, "\"bogus\"")}: error SENTRY006 RetrieveEvent (GET /api/0/events/{{event_id}}/) "
            + "#/components/examples/EventWithEntries/value/entries/1/data/bogus: `bogus` is not a declared property"), run.ToString());
    }

    [Test]
    public async Task List_rules_names_every_rule_with_an_explanation()
    {
        var run = await ToolRun.RunAsync("validate", "--list-rules");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        for (var i = 1; i <= 13; i++)
        {
            Assert.That(run.Output, Does.Match($@"(?m)^SENTRY{i:000}\s+(error|warning)\s+\S.+$"), $"SENTRY{i:000} is not listed\n{run}");
        }

        Assert.That(run.Output, Does.Contain("OPENAPI-READ").And.Contain("OPENAPI-RULE"));
        Assert.That(run.Output, Does.Match(@"(?m)^SENTRY011\s+warning\s"));
        Assert.That(run.Output, Does.Match(@"(?m)^SENTRY012\s+error\s"));
        Assert.That(run.Output, Does.Match(@"(?m)^SENTRY013\s+warning\s"));
    }

    public static IEnumerable<string> Fixtures() => Violations().Select(v => (string)v.Arguments[0]!).Distinct();

    private static TestCaseData Case(string fixture, string rule, string? operation, string pointer, string marker, int occurrence = 1, int offset = 0) =>
        new TestCaseData(fixture, rule, operation, pointer, ValidateFixtures.LineOf(fixture, marker, occurrence, offset))
            .SetArgDisplayNames(fixture, pointer);
}
