namespace Sentry.OpenApi.Generator.Tests;

[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed class CoverageCommandTests
{
    [Test]
    public async Task Our_spec_covers_all_110_reference_operations()
    {
        var run = await ToolRun.RunAsync("coverage");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Output, Does.Contain("covered: 110/110 reference operations"));
        Assert.That(run.Output, Does.Not.Contain("missing:"));
    }

    [Test]
    public async Task A_reference_operation_the_spec_lacks_is_listed_and_fails_the_run()
    {
        var reference = Path.GetTempFileName();
        await File.WriteAllLinesAsync(reference,
        [
            "method\tpath\tsources\tsummary",
            "GET\t/api/0/organizations/\t003\tList your organizations",
            "GET\t/api/0/does-not-exist/\t003\tAn operation nobody wrote",
        ]);

        var run = await ToolRun.RunAsync("coverage", "--reference", reference);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.ToString());
        Assert.That(run.Output, Does.Contain("covered: 1/2").And.Contain("missing: GET /api/0/does-not-exist/").And.Contain("line 3"));
        Assert.That(run.Output, Does.Contain("extra:   PUT /api/0/organizations/{organization_slug}/"));
    }

    [Test]
    public async Task A_documented_status_code_the_spec_lacks_is_listed_and_fails_the_run()
    {
        var reference = Path.GetTempFileName();
        await File.WriteAllLinesAsync(reference,
        [
            "method\tpath\tsources\tsummary\tparameters\tstatus_codes",
            "GET\t/api/0/organizations/\t003\tList your organizations\tcursor(q)\t200,401,418",
        ]);

        var run = await ToolRun.RunAsync("coverage", "--reference", reference);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Findings), run.ToString());
        Assert.That(run.Output, Does.Contain("missing status: GET /api/0/organizations/ does not declare the documented 418 (operations.tsv line 2)"));
        Assert.That(run.Output, Does.Not.Contain("documented 401"));
    }

    [Test]
    public async Task A_missing_spec_file_is_bad_input_naming_the_file()
    {
        var run = await ToolRun.RunAsync("coverage", "--spec", "/nonexistent/sentry-api.json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain("/nonexistent/sentry-api.json: file not found"));
    }

    [Test]
    public async Task A_reference_table_without_method_and_path_columns_is_bad_input_naming_line_1()
    {
        var reference = Path.GetTempFileName();
        await File.WriteAllTextAsync(reference, "verb\turl\nGET\t/api/0/\n");

        var run = await ToolRun.RunAsync("coverage", "--reference", reference);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain($"{reference}:1:"));
    }

    [Test]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var run = await ToolRun.RunAsync("coverage", "--bogus");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(run.Error, Does.Contain("--bogus"));
    }
}
