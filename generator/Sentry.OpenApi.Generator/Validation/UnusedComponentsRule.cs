using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>
/// SENTRY009: every component is reachable from the paths, directly or through other used
/// components. Redocly's bundle only carries the files something references, so with the split
/// sources at hand the files under <c>spec/components/</c> that never made it into the bundle are
/// reported too.
/// </summary>
internal static class UnusedComponentsRule
{
    private static readonly ValidationRule Rule = ValidationRules.UnusedComponents;

    // Kinds referenced by $ref; securitySchemes are referenced by name from security requirements.
    private static readonly string[] Kinds = ["schemas", "parameters", "responses", "headers", "examples", "requestBodies", "links", "callbacks"];

    public static IEnumerable<Finding> Check(BundleDocument bundle, SourceMap? sources)
    {
        var used = Reachable(bundle);
        var components = bundle.Root["components"] as JsonObject;
        foreach (var kind in Kinds)
        {
            foreach (var (name, _) in components?[kind] as JsonObject ?? [])
            {
                var pointer = ComponentPointer(kind, name);
                if (!used.Contains(pointer))
                {
                    yield return Rule.At(pointer, $"component `{name}` is not referenced from any path (nor from a used component); delete it or reference it.");
                }
            }
        }

        var schemes = components?["securitySchemes"] as JsonObject ?? [];
        var named = SecurityRequirementNames(bundle).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, _) in schemes.Where(s => !named.Contains(s.Key)))
        {
            yield return Rule.At(ComponentPointer("securitySchemes", name), $"security scheme `{name}` is named by no security requirement; delete it or require it.");
        }

        if (sources is null)
        {
            yield break;
        }

        foreach (var kind in Kinds)
        {
            var folder = Path.Combine(sources.RootDirectory, "components", kind);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (components?[kind]?[name] is null)
                {
                    yield return Rule.At(ComponentPointer(kind, name),
                        $"this {kind} file is referenced from no path, so the bundle leaves it out; delete the file or reference it.") with
                    {
                        Location = new SourceLocation(SourceMap.Display(file), 1),
                    };
                }
            }
        }
    }

    /// <summary>The pointers of the components reachable from the paths (and the top-level security).</summary>
    private static HashSet<string> Reachable(BundleDocument bundle)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        void Visit(JsonNode? node, string pointer)
        {
            foreach (var (_, reference) in BundleDocument.References(node, pointer))
            {
                var segments = JsonPointers.Segments(reference);
                if (segments.Count >= 3 && segments[0] == "components")
                {
                    var component = ComponentPointer(segments[1], segments[2]);
                    if (used.Add(component))
                    {
                        pending.Enqueue(component);
                    }
                }
            }
        }

        Visit(bundle.Root["paths"], JsonPointers.Append(JsonPointers.Root, "paths"));
        while (pending.TryDequeue(out var component))
        {
            Visit(bundle.Find(component), component);
        }

        return used;
    }

    private static IEnumerable<string> SecurityRequirementNames(BundleDocument bundle)
    {
        var requirements = new List<JsonNode?>(bundle.Root["security"] as JsonArray ?? []);
        requirements.AddRange(bundle.Operations.SelectMany(o => o.Node["security"] as JsonArray ?? []));
        return requirements.OfType<JsonObject>().SelectMany(r => r.Select(p => p.Key));
    }

    private static string ComponentPointer(string kind, string name) =>
        JsonPointers.Append(JsonPointers.Append(JsonPointers.Append(JsonPointers.Root, "components"), kind), name);
}
