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
        // operation with a JSON success response but no example is only smoke-tested. Cases are
        // grouped by operation once: a spec of 40,000 operations must not scan every case per operation.
        var cases = MockCases.For(report.Spec);
        var casesById = cases.ToLookup(c => c.OperationId, StringComparer.Ordinal);
        static bool IsExample(MockCase c) => c.ExampleName != "no-content";
        foreach (var op in report.All.Where(o => HasJsonSuccess(o) && !casesById[o.OperationId].Any(IsExample)))
        {
            output.WriteLine($"no example: {op.OperationId} ({op.Method} {op.Path}): its JSON response has no example, so its contract case cannot check the body");
        }

        foreach (var op in report.All.Where(o => !casesById[o.OperationId].Any()))
        {
            output.WriteLine($"no contract case: {op.OperationId} ({op.Method} {op.Path})");
        }

        output.WriteLine();
        output.WriteLine($"{"tag",-16} {"operations",10} {"reference",10} {"examples",9} {"cases",6}");
        var extras = report.Extra.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var tag in report.All.GroupBy(o => o.Tag).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // Operations sharing an operationId share their cases; count each id's cases once, as before.
            var tagCases = tag.Select(o => o.OperationId).Distinct(StringComparer.Ordinal).SelectMany(id => casesById[id]).ToList();
            var inReference = tag.Count(o => !extras.Contains(o));
            output.WriteLine($"{tag.Key,-16} {tag.Count(),10} {inReference,10} {tagCases.Count(IsExample),9} {tagCases.Count,6}");
        }

        output.WriteLine($"{"total",-16} {report.All.Count,10} {report.Covered.Count,10} {cases.Count(IsExample),9} {cases.Count,6}");
    }
}
