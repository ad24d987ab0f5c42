using System.Text.Json;

namespace Sentry.OpenApi.Generator.Tests.Stats;

[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed class StatsCommandTests
{
    [Test]
    public async Task Our_spec_has_110_operations_and_a_row_per_tag()
    {
        var run = await ToolRun.RunAsync("stats");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Output, Does.Match(@"(?m)^operations\s+110\s*$"), run.ToString());
        foreach (var tag in DeclaredTags())
        {
            Assert.That(run.Output, Does.Match($@"(?m)^{tag}\s+\d+\s+\d+\s+\d+\s*$"), $"no row for tag {tag}\n{run}");
        }
    }

    [Test]
    public async Task Json_reports_the_same_numbers_with_per_tag_rows_adding_up()
    {
        var run = await ToolRun.RunAsync("stats", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        var tags = root.GetProperty("tags").EnumerateArray().ToList();
        Assert.That(root.GetProperty("operations").GetInt32(), Is.EqualTo(110));
        Assert.That(tags.Select(t => t.GetProperty("tag").GetString()), Is.EquivalentTo(DeclaredTags()));
        Assert.That(tags.Sum(t => t.GetProperty("operations").GetInt32()), Is.EqualTo(110));
        Assert.That(tags.Sum(t => t.GetProperty("paginated").GetInt32()), Is.EqualTo(root.GetProperty("paginatedOperations").GetInt32()));
        Assert.That(tags.Sum(t => t.GetProperty("examples").GetInt32()), Is.EqualTo(root.GetProperty("examples").GetInt32()));
        Assert.That(root.GetProperty("deprecatedOperations").GetInt32(), Is.GreaterThan(0), "the legacy /api/0/issues/ operations are deprecated");
    }

    [Test]
    public async Task A_small_spec_is_counted_exactly_in_an_aligned_table()
    {
        var run = await ToolRun.RunAsync("stats", "--spec", "tests/Sentry.OpenApi.Generator.Tests/Fixtures/validate/valid.json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Output.ReplaceLineEndings("\n").TrimEnd(), Is.EqualTo(string.Join('\n',
            "operations             2",
            "paths                  2",
            "schemas                1",
            "examples               2",
            "paginated operations   1",
            "deprecated operations  0",
            "",
            "tag     operations  paginated  examples",
            "Things           2          1         2")));
    }

    [Test]
    public async Task A_missing_spec_is_bad_input()
    {
        var run = await ToolRun.RunAsync("stats", "--spec", "/nonexistent/sentry-api.json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.Error, Does.Contain("/nonexistent/sentry-api.json: file not found"));
    }

    // Read independently of the tool: every tag the spec declares has operations.
    private static IReadOnlyList<string> DeclaredTags()
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.BundledSpec));
        return spec.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
    }
}
