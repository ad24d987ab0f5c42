using System.Text.RegularExpressions;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>SENTRY008: the <c>{name}</c>s of a path and its declared <c>in: path</c> parameters are the same set.</summary>
internal static partial class PathParameterRule
{
    private static readonly ValidationRule Rule = ValidationRules.PathParameters;

    public static IEnumerable<Finding> Check(BundleDocument bundle)
    {
        foreach (var operation in bundle.Operations)
        {
            var inPath = Template().Matches(operation.Path).Select(m => m.Groups[1].Value).ToList();
            var declared = bundle.ParametersOf(operation).Where(p => BundleDocument.StringOf(p.Parameter, "in") == "path").ToList();
            foreach (var name in inPath.Where(n => !declared.Any(d => BundleDocument.StringOf(d.Parameter, "name") == n)))
            {
                yield return Rule.At(operation.Pointer,
                    $"the path has `{{{name}}}` but no `in: path` parameter `{name}` is declared (on the path item or the operation); declare it.", operation);
            }

            foreach (var (parameter, pointer) in declared)
            {
                var name = BundleDocument.StringOf(parameter, "name");
                if (name is null || !inPath.Contains(name))
                {
                    yield return Rule.At(pointer,
                        $"path parameter `{name}` does not appear in the path {operation.Path}; remove it or fix its name.", operation);
                }
            }
        }
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Template();
}
