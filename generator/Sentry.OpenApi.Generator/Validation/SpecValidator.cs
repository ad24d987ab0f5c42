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
        var locations = sources ?? SourceMap.ForBundle(specPath);
        SourceLocation Locate(string pointer) => locations?.Locate(pointer) ?? new SourceLocation(SourceMap.Display(Path.GetFullPath(specPath)), 0);

        bundle.CheckReferences(Locate);

        var findings = new List<Finding>();
        findings.AddRange(await OpenApiDiagnostics.CheckAsync(bundle, cancellationToken).ConfigureAwait(false));
        findings.AddRange(OperationRules.Check(bundle));
        findings.AddRange(ResponseRules.Check(bundle));
        var (exampleFindings, examplesChecked) = ExampleRule.Check(bundle);
        findings.AddRange(exampleFindings);
        findings.AddRange(PaginationRule.Check(bundle));
        findings.AddRange(PathParameterRule.Check(bundle));
        findings.AddRange(UnusedComponentsRule.Check(bundle, sources));
        findings.AddRange(OpenEnumRule.Check(bundle));

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
