using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Tests.Diff;

/// <summary>`diff` on the project's own bundled spec, and on copies of it edited in the test.</summary>
[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed class DiffRealSpecTests : DiffSpecCopies
{
    private const string RemovedPath = "/api/0/organizations/{organization_slug}/issues/";
    private const string RemovedId = "operation-removed:GET " + RemovedPath;
    private const string ParameterPath = "/api/0/organizations/";
    private const string ParameterId = "parameter-added-required:GET " + ParameterPath + ":parameter query region";

    [Test]
    public async Task Our_spec_against_itself_has_no_findings()
    {
        var (run, findings, report) = await DiffRun.JsonAsync(RepositoryPaths.BundledSpec, RepositoryPaths.BundledSpec);

        Assert.That(findings, Is.Empty, $"findings of the spec against itself:\n{string.Join("\n", findings)}");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(report!["summary"]!["passed"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Removing_an_operation_and_adding_a_required_parameter_gives_exactly_those_two_breaking_findings()
    {
        var (run, findings, _) = await DiffRun.JsonAsync(RepositoryPaths.BundledSpec, EditedSpec());

        Assert.That(findings.Select(f => f.Id), Is.EquivalentTo(new[] { RemovedId, ParameterId }), run.ToString());
        Assert.That(findings, Has.All.Matches<ReportedFinding>(f => f.Breaking && !f.Acknowledged), string.Join("\n", findings));
        Assert.That(findings.Single(f => f.Id == RemovedId).Pointer, Is.EqualTo("/paths/~1api~10~1organizations~1{organization_slug}~1issues~1/get"));
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.ToString());
    }

    [Test]
    public async Task Acknowledging_both_breaking_changes_makes_the_run_pass_and_prints_them_as_acknowledged()
    {
        var acknowledgements = Folder.Write("acknowledged.yaml", $"""
            # Breaking changes made on purpose.
            acknowledged:
              - id: "{RemovedId}"
                reason: "Sentry removed the endpoint."
              - id: "{ParameterId}"
                reason: "Sentry requires the region now."
            """);

        var run = await ToolRun.RunAsync("diff", RepositoryPaths.BundledSpec, EditedSpec(), "--acknowledgements", acknowledgements);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var rows = run.Output.Split('\n').Where(l => l.StartsWith("ack ", StringComparison.Ordinal)).ToList();
        Assert.That(rows, Has.Count.EqualTo(2), run.ToString());
        Assert.That(run.Output, Does.Contain("(acknowledged: Sentry removed the endpoint.)").And.Contain("2 breaking (2 acknowledged, 0 not)"));
        Assert.That(run.Output, Does.Not.Contain("BREAKING"));
        Assert.That(run.Error, Is.Empty, "no stale acknowledgement");
    }

    [Test]
    public async Task Acknowledging_only_one_breaking_change_still_fails()
    {
        var acknowledgements = Folder.Write("one.yaml", $"acknowledged:\n  - id: \"{RemovedId}\"\n    reason: \"Removed upstream.\"\n");

        var (run, findings, _) = await DiffRun.JsonAsync(RepositoryPaths.BundledSpec, EditedSpec(), "--acknowledgements", acknowledgements);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.ToString());
        Assert.That(findings.Single(f => f.Id == RemovedId).Acknowledged, Is.True);
        Assert.That(findings.Single(f => f.Id == ParameterId).Acknowledged, Is.False);
    }

    [Test]
    public async Task An_acknowledgement_matching_no_finding_is_warned_about_as_stale_naming_file_and_line()
    {
        var acknowledgements = Folder.Write("stale.yaml", "acknowledged:\n  - id: \"operation-removed:GET /api/0/gone/\"\n    reason: \"Long ago.\"\n");

        var run = await ToolRun.RunAsync("diff", RepositoryPaths.BundledSpec, RepositoryPaths.BundledSpec, "--acknowledgements", acknowledgements);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Error, Does.Contain($"warning: {acknowledgements}:2: stale acknowledgement `operation-removed:GET /api/0/gone/`"));
    }

    [Test]
    public async Task The_json_report_file_holds_every_finding_and_the_summary()
    {
        var file = Path.Combine(Folder.Path, "report", "diff.json");

        var run = await ToolRun.RunAsync("diff", RepositoryPaths.BundledSpec, EditedSpec(), "--json", file);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.ToString());
        Assert.That(run.Output, Does.Contain("BREAKING"), "the table is still printed");
        var report = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        Assert.That(report["findings"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()), Is.EquivalentTo(new[] { RemovedId, ParameterId }));
        Assert.That(report["summary"]!["breaking"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(report["summary"]!["unacknowledged"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(report["summary"]!["passed"]!.GetValue<bool>(), Is.False);
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(file)!), Is.EqualTo(new[] { file }), "no temp file left beside the report");
    }

    // Our spec with ListOrganizationIssues removed and a required `region` query parameter added to ListYourOrganizations.
    private string EditedSpec()
    {
        var spec = JsonNode.Parse(File.ReadAllText(RepositoryPaths.BundledSpec))!;
        var paths = spec["paths"]!;
        Assert.That(paths[RemovedPath]!.AsObject().Remove("get"), Is.True, $"GET {RemovedPath} exists in our spec");
        var operation = paths[ParameterPath]!["get"]!.AsObject();
        if (operation["parameters"] is not JsonArray parameters)
        {
            operation["parameters"] = parameters = [];
        }

        parameters.Add(new JsonObject
        {
            ["name"] = "region",
            ["in"] = "query",
            ["required"] = true,
            ["schema"] = new JsonObject { ["type"] = "string" },
        });
        return Folder.Write("edited-spec.json", spec.ToJsonString());
    }

}
