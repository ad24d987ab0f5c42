using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>The result of one `validate` run: the findings, located and sorted, and what was checked.</summary>
internal sealed record ValidationReport(IReadOnlyList<Finding> Findings, int Operations, int ExamplesChecked)
{
    public int Errors => Findings.Count(f => f.Severity == Severity.Error);

    public int Warnings => Findings.Count(f => f.Severity == Severity.Warning);
}

/// <summary>Runs every rule on a bundle and locates the findings in the split sources (or in the bundle).</summary>
internal static class SpecValidator
{
    /// <param name="specPath">The bundled spec.</param>
    /// <param name="sourcesPath">The split spec's root file, or null to locate findings in the bundle itself.</param>
    /// <param name="cancellationToken">Cancels reading the spec.</param>
    public static async Task<ValidationReport> RunAsync(string specPath, string? sourcesPath, CancellationToken cancellationToken)
    {
        var bundle = BundleDocument.Load(specPath);
        var sources = sourcesPath is null ? null : SourceMap.ForSources(sourcesPath);
        // The bundle read as YAML (for its line numbers) only when there is something to locate: it is the slowest read of all.
        var bundleLines = new Lazy<SourceMap?>(() => SourceMap.ForBundle(specPath));
        SourceLocation Locate(string pointer) => (sources ?? bundleLines.Value)?.Locate(pointer) ?? new SourceLocation(SourceMap.Display(Path.GetFullPath(specPath)), 0);

        var targets = bundle.CheckReferences(Locate);

        // Every cycle passes through a $ref target; the components are roots too, for an unreferenced one.
        var cycles = CompositionCycles.Find(bundle.Root, CompositionCycles.ComponentPointers(bundle.Root).Concat(targets));
        var cyclic = cycles.SelectMany(c => c.Members).ToHashSet(StringComparer.Ordinal);

        var findings = new List<Finding>();
        findings.AddRange(await OpenApiDiagnostics.CheckAsync(bundle, cancellationToken).ConfigureAwait(false));
        findings.AddRange(OperationRules.Check(bundle));
        findings.AddRange(ResponseRules.Check(bundle));
        findings.AddRange(SchemaCycleRule.Check(cycles));
        var (exampleFindings, examplesChecked) = ExampleRule.Check(bundle, cyclic);
        findings.AddRange(exampleFindings);
        findings.AddRange(PaginationRule.Check(bundle));
        findings.AddRange(PathParameterRule.Check(bundle));
        findings.AddRange(UnusedComponentsRule.Check(bundle, sources));
        findings.AddRange(OpenEnumRule.Check(bundle));
        findings.AddRange(NullableComponentRule.Check(bundle));

        // A shared part (a component used by many operations) is reported once, for the first operation.
        var located = findings
            .DistinctBy(f => (f.RuleId, f.Pointer, f.Message))
            .Select(f => f.Location is null ? f with { Location = Locate(f.Pointer) } : f)
            .OrderBy(f => f.Location!.File, StringComparer.Ordinal)
            .ThenBy(f => f.Location!.Line)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Pointer, StringComparer.Ordinal)
            .ToList();
        return new ValidationReport(located, bundle.Operations.Count, examplesChecked);
    }
}
