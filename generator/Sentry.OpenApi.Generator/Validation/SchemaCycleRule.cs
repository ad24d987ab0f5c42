using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>
/// SENTRY012: a cycle of $ref/allOf/oneOf/anyOf/not steps (the rule is <see cref="CompositionCycles"/>'),
/// reported at its first step with the pointer chain. The other rules go on: the examples rule
/// leaves the schemas of the cycle unchecked instead of going round it.
/// </summary>
internal static class SchemaCycleRule
{
    public static IEnumerable<Finding> Check(IReadOnlyList<CompositionCycle> cycles) =>
        cycles.Select(c => ValidationRules.SchemaCycles.At(c.Pointer, $"schema cycle {c.Explain()}."));
}
