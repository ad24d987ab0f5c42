using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Tests.Diff;

/// <summary>A finding as the JSON report states it.</summary>
internal sealed record ReportedFinding(string Id, string Kind, bool Breaking, bool Acknowledged, string Location, string Pointer, string Message)
{
    public override string ToString() => $"{(Breaking ? "breaking" : "ok")} {Id} @ {Pointer}";
}

/// <summary>Runs `diff` with `--json -` and reads the findings from the report.</summary>
internal static class DiffRun
{
    public static string Fixture(string name) => Path.Combine(RepositoryPaths.Root, "tests", "Sentry.OpenApi.Generator.Tests", "Fixtures", "diff", name + ".json");

    /// <summary>The run and its findings; the findings are empty when the run wrote no JSON (bad input).</summary>
    public static async Task<(ToolRun Run, IReadOnlyList<ReportedFinding> Findings, JsonNode? Report)> JsonAsync(string old, string @new, params string[] extra)
    {
        var run = await ToolRun.RunAsync(["diff", old, @new, "--json", "-", .. extra]);
        if (run.Output.Length == 0)
        {
            return (run, [], null);
        }

        var report = JsonNode.Parse(run.Output)!;
        var findings = report["findings"]!.AsArray().Select(f => new ReportedFinding(
            f!["id"]!.GetValue<string>(),
            f["kind"]!.GetValue<string>(),
            f["breaking"]!.GetValue<bool>(),
            f["acknowledged"]!.GetValue<bool>(),
            f["location"]?.GetValue<string>() ?? "",
            f["pointer"]!.GetValue<string>(),
            f["message"]!.GetValue<string>())).ToList();
        return (run, findings, report);
    }
}
