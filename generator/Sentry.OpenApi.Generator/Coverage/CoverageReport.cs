using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Coverage;

/// <summary>Which reference operations the spec covers, which it lacks, and which it adds.</summary>
internal sealed class CoverageReport
{
    private CoverageReport(SpecDocument spec, IReadOnlyList<ReferenceOperation> reference, IReadOnlyList<SpecOperation> covered,
        IReadOnlyList<ReferenceOperation> missing, IReadOnlyList<SpecOperation> extra, IReadOnlyList<SpecOperation> all)
    {
        Spec = spec;
        Reference = reference;
        Covered = covered;
        Missing = missing;
        Extra = extra;
        All = all;
    }

    public SpecDocument Spec { get; }

    public IReadOnlyList<ReferenceOperation> Reference { get; }

    public IReadOnlyList<SpecOperation> Covered { get; }

    public IReadOnlyList<ReferenceOperation> Missing { get; }

    public IReadOnlyList<SpecOperation> Extra { get; }

    public IReadOnlyList<SpecOperation> All { get; }

    /// <summary>Documented status codes of covered operations that the spec does not declare.</summary>
    public IReadOnlyList<(ReferenceOperation Operation, string Status)> MissingStatuses =>
        Reference.SelectMany(r => r.StatusCodes.Select(code => (r, code)))
            .Where(x => Spec.Operations.FirstOrDefault(o => Key(o.Method, o.Path) == Key(x.r.Method, x.r.Path)) is { } op
                        && op.Operation.Responses?.ContainsKey(x.code) != true)
            .ToList();

    public bool Complete => Missing.Count == 0 && MissingStatuses.Count == 0;

    public static CoverageReport Compare(IReadOnlyList<ReferenceOperation> reference, SpecDocument spec)
    {
        var keys = reference.Select(r => Key(r.Method, r.Path)).ToHashSet(StringComparer.Ordinal);
        var specKeys = spec.Operations.ToDictionary(o => Key(o.Method, o.Path), StringComparer.Ordinal);
        return new CoverageReport(
            spec,
            reference,
            spec.Operations.Where(o => keys.Contains(Key(o.Method, o.Path))).ToList(),
            reference.Where(r => !specKeys.ContainsKey(Key(r.Method, r.Path))).ToList(),
            spec.Operations.Where(o => !keys.Contains(Key(o.Method, o.Path))).ToList(),
            spec.Operations);
    }

    // Exact method and path: the reference's trailing slashes and spelling are part of the contract.
    private static string Key(string method, string path) => $"{method.ToUpperInvariant()} {path}";
}
