using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sentry.OpenApi.Generator.Tests.Scale;

/// <summary>
/// The commands on a spec of the size issue 9 measured (our 110 operations copied 394 times: 43,340
/// operations, about 50 MB), generated into a temporary folder: each gives the numbers of the small
/// spec times the copies. Each run has a generous hang guard; how fast they are is measured by hand or
/// in benchmarks, never here.
/// </summary>
[Category("LargeSpec")]
[NonParallelizable] // the tool runs from the repository root (current directory)
public sealed partial class LargeSpecTests
{
    private const int Copies = 394;
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    private TemporaryDirectory _folder = null!;
    private string _spec = null!;
    private JsonNode _base = null!;

    [OneTimeSetUp]
    public async Task GenerateTheLargeSpec()
    {
        _folder = new TemporaryDirectory();
        _base = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.BundledSpec))!;
        var large = _base.DeepClone();
        var paths = new JsonObject();
        foreach (var copy in Enumerable.Range(0, Copies))
        {
            foreach (var (path, item) in _base["paths"]!.AsObject())
            {
                // Copy 0 keeps the reference paths, so coverage still finds all 110.
                var copied = item!.DeepClone();
                foreach (var operation in copied.AsObject().Select(o => o.Value).OfType<JsonObject>().Where(o => o["operationId"] is not null))
                {
                    operation["operationId"] = $"{operation["operationId"]!.GetValue<string>()}Copy{copy}";
                }

                paths[copy == 0 ? path : path.Replace("/api/0/", $"/api/0/copy{copy}/", StringComparison.Ordinal)] = copied;
            }
        }

        large["paths"] = paths;
        _spec = _folder.Write("large.json", large.ToJsonString());
    }

    [OneTimeTearDown]
    public void DeleteTheLargeSpec() => _folder.Dispose();

    [Test]
    public async Task Stats_counts_every_copy()
    {
        var small = JsonNode.Parse((await ToolRun.RunAsync("stats", "--json")).Output)!;

        var run = await ToolProcess.RunAsync(HangGuard, "stats", "--spec", _spec, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var large = JsonNode.Parse(run.Output)!;
        Assert.That(large["operations"]!.GetValue<int>(), Is.EqualTo(110 * Copies));
        foreach (var total in new[] { "operations", "paths", "examples", "paginatedOperations", "deprecatedOperations" })
        {
            Assert.That(large[total]!.GetValue<int>(), Is.EqualTo(small[total]!.GetValue<int>() * Copies), total);
        }

        Assert.That(large["schemas"]!.GetValue<int>(), Is.EqualTo(small["schemas"]!.GetValue<int>()), "components are not copied");
        Assert.That(Rows(large["tags"]!), Is.EqualTo(Rows(small["tags"]!).Select(r => r with { Operations = r.Operations * Copies, Paginated = r.Paginated * Copies, Examples = r.Examples * Copies })));
    }

    [Test]
    public async Task Coverage_finds_the_110_reference_operations_and_lists_every_copy_as_extra()
    {
        var small = await ToolRun.RunAsync("coverage");

        var run = await ToolProcess.RunAsync(HangGuard, "coverage", "--spec", _spec);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        var lines = run.Output.Split('\n');
        Assert.That(lines[0], Is.EqualTo("covered: 110/110 reference operations"));
        Assert.That(lines.Count(l => l.StartsWith("extra:   ", StringComparison.Ordinal)), Is.EqualTo(110 * (Copies - 1)));
        Assert.That(lines.Count(l => l.StartsWith("no contract case:", StringComparison.Ordinal)), Is.Zero);

        // Per tag: operations, examples and cases scale with the copies; the reference count does not.
        var expected = TagRows(small.Output).Select(r => r with { Operations = r.Operations * Copies, Examples = r.Examples * Copies, Cases = r.Cases * Copies });
        Assert.That(TagRows(run.Output), Is.EqualTo(expected), Tail(run.Output));
    }

    [Test]
    public async Task Validate_checks_every_operation_and_finds_each_copy_of_a_path_finding()
    {
        using var small = new TemporaryDirectory();
        var smallRun = await ToolRun.RunAsync("validate", "--spec", small.Write("small.json", _base.ToJsonString()));

        var run = await ToolProcess.RunAsync(HangGuard, "validate", "--spec", _spec);

        Assert.That(run.ExitCode, Is.EqualTo(smallRun.ExitCode), run.ToString());
        Assert.That(run.Output, Does.Contain($"; {110 * Copies} operations, "), Tail(run.Output));

        // A finding in a path appears once per copy; one in a component once.
        static (int InPaths, int Elsewhere) Count(ToolRun r) => (
            Findings(r).Count(f => f.Contains(" #/paths/", StringComparison.Ordinal)),
            Findings(r).Count(f => !f.Contains(" #/paths/", StringComparison.Ordinal)));
        var (inPaths, elsewhere) = Count(smallRun);
        Assert.That(Count(run), Is.EqualTo((inPaths * Copies, elsewhere)), Tail(run.Output));
    }

    [Test]
    public async Task Diff_of_the_large_spec_against_itself_finds_nothing()
    {
        var run = await ToolProcess.RunAsync(HangGuard, "diff", _spec, _spec, "--acknowledgements", _folder.Write("none.yaml", ""));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Output.Trim(), Is.EqualTo("0 change(s): 0 breaking (0 acknowledged, 0 not), 0 not breaking."));
    }

    // The end of a long output: the summary lines, for a failure message.
    private static string Tail(string output) => output.Length <= 2000 ? output : output[^2000..];

    private static IEnumerable<string> Findings(ToolRun run) =>
        run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("validate:", StringComparison.Ordinal));

    private static List<StatsRow> Rows(JsonNode tags) =>
        tags.AsArray().Select(t => new StatsRow(t!["tag"]!.GetValue<string>(), t["operations"]!.GetValue<int>(), t["paginated"]!.GetValue<int>(), t["examples"]!.GetValue<int>())).ToList();

    private static List<CoverageRow> TagRows(string output) =>
        TagRow().Matches(output).Select(m => new CoverageRow(m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(m.Groups[5].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();

    [GeneratedRegex(@"(?m)^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$")]
    private static partial Regex TagRow();

    private sealed record StatsRow(string Tag, int Operations, int Paginated, int Examples);

    private sealed record CoverageRow(string Tag, int Operations, int Reference, int Examples, int Cases);
}
