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
    public IReadOnlyList<(ReferenceOperation Operation, string Status)> MissingStatuses { get; private init; } = [];

    public bool Complete => Missing.Count == 0 && MissingStatuses.Count == 0;

    public static CoverageReport Compare(IReadOnlyList<ReferenceOperation> reference, SpecDocument spec)
    {
        // Lookups by key, never a scan of the operations per reference row: a spec of 40,000 operations stays linear.
        var keys = reference.Select(r => Key(r.Method, r.Path)).ToHashSet(StringComparer.Ordinal);
        var specKeys = spec.Operations.GroupBy(o => Key(o.Method, o.Path), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var missingStatuses = reference
            .SelectMany(r => r.StatusCodes.Select(code => (Operation: r, Status: code)))
            .Where(x => specKeys.TryGetValue(Key(x.Operation.Method, x.Operation.Path), out var op) && op.Operation.Responses?.ContainsKey(x.Status) != true)
            .ToList();
        return new CoverageReport(
            spec,
            reference,
            spec.Operations.Where(o => keys.Contains(Key(o.Method, o.Path))).ToList(),
            reference.Where(r => !specKeys.ContainsKey(Key(r.Method, r.Path))).ToList(),
            spec.Operations.Where(o => !keys.Contains(Key(o.Method, o.Path))).ToList(),
            spec.Operations)
        {
            MissingStatuses = missingStatuses,
        };
    }

    // Exact method and path: the reference's trailing slashes and spelling are part of the contract.
    private static string Key(string method, string path) => $"{method.ToUpperInvariant()} {path}";
}
