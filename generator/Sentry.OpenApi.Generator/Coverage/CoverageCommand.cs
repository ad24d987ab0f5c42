using System.CommandLine;
using Sentry.OpenApi.Generator.Mocks;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Coverage;

/// <summary>`coverage`: how many of the reference operations the spec describes; exit 1 when any is missing.</summary>
internal static class CoverageCommand
{
    public static Command Create()
    {
        var spec = CommonOptions.Spec();
        var reference = new Option<FileInfo>("--reference")
        {
            Description = "The reference operations table (method, path, ...).",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("spec", "reference", "operations.tsv")),
        };
        var command = new Command("coverage", "Compare the spec's operations with the reference operations: covered/total, missing, extra, per tag.")
        {
            spec, reference,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var document = await SpecDocument.LoadAsync(parse.GetRequiredValue(spec).FullName, cancellationToken);
            var operations = ReferenceOperation.Load(parse.GetRequiredValue(reference).FullName);
            var report = CoverageReport.Compare(operations, document);
            Print(report, parse.InvocationConfiguration.Output);
            return report.Complete ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    private static bool HasJsonSuccess(SpecOperation op) =>
        (op.Operation.Responses ?? []).Any(r => r.Key.StartsWith('2') && r.Value.Content?.ContainsKey("application/json") == true);

    private static void Print(CoverageReport report, TextWriter output)
    {
        output.WriteLine($"covered: {report.Reference.Count - report.Missing.Count}/{report.Reference.Count} reference operations");
        foreach (var missing in report.Missing)
        {
            output.WriteLine($"missing: {missing.Method} {missing.Path}  (operations.tsv line {missing.Line}: {missing.Summary})");
        }

        foreach (var (operation, status) in report.MissingStatuses)
        {
            output.WriteLine($"missing status: {operation.Method} {operation.Path} does not declare the documented {status} (operations.tsv line {operation.Line})");
        }

        foreach (var extra in report.Extra)
        {
            output.WriteLine($"extra:   {extra.Method} {extra.Path}  ({extra.OperationId})");
        }

        // The contract suite makes one case per example of each operation (Mocks/MockCases); an
        // operation with a JSON success response but no example is only smoke-tested.
        var cases = MockCases.For(report.Spec);
        var withoutExamples = report.All.Where(o => HasJsonSuccess(o) && cases.All(c => c.OperationId != o.OperationId || c.ExampleName == "no-content")).ToList();
        foreach (var op in withoutExamples)
        {
            output.WriteLine($"no example: {op.OperationId} ({op.Method} {op.Path}): its JSON response has no example, so its contract case cannot check the body");
        }

        var withoutCases = report.All.Where(o => cases.All(c => c.OperationId != o.OperationId)).ToList();
        foreach (var op in withoutCases)
        {
            output.WriteLine($"no contract case: {op.OperationId} ({op.Method} {op.Path})");
        }

        output.WriteLine();
        output.WriteLine($"{"tag",-16} {"operations",10} {"reference",10} {"examples",9} {"cases",6}");
        foreach (var tag in report.All.GroupBy(o => o.Tag).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ids = tag.Select(o => o.OperationId).ToHashSet();
            var inReference = tag.Count(o => !report.Extra.Contains(o));
            var examples = cases.Count(c => ids.Contains(c.OperationId) && c.ExampleName != "no-content");
            output.WriteLine($"{tag.Key,-16} {tag.Count(),10} {inReference,10} {examples,9} {cases.Count(c => ids.Contains(c.OperationId)),6}");
        }

        output.WriteLine($"{"total",-16} {report.All.Count,10} {report.Covered.Count,10} {cases.Count(c => c.ExampleName != "no-content"),9} {cases.Count,6}");
    }
}
