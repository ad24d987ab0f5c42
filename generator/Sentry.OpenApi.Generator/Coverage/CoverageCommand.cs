using System.CommandLine;
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

    private static void Print(CoverageReport report, TextWriter output)
    {
        output.WriteLine($"covered: {report.Reference.Count - report.Missing.Count}/{report.Reference.Count} reference operations");
        foreach (var missing in report.Missing)
        {
            output.WriteLine($"missing: {missing.Method} {missing.Path}  (operations.tsv line {missing.Line}: {missing.Summary})");
        }

        foreach (var extra in report.Extra)
        {
            output.WriteLine($"extra:   {extra.Method} {extra.Path}  ({extra.OperationId})");
        }

        output.WriteLine();
        output.WriteLine($"{"tag",-16} {"operations",10}");
        foreach (var tag in report.All.GroupBy(o => o.Tag).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{tag.Key,-16} {tag.Count(),10}");
        }
    }
}
