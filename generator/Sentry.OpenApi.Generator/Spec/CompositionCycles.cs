using System.Text.Json.Nodes;
using Sentry.OpenApi.Generator.Validation;

namespace Sentry.OpenApi.Generator.Spec;

/// <summary>
/// A cycle of schemas that never reaches a value: A -> B -> A through <c>$ref</c>, <c>allOf</c>,
/// <c>oneOf</c>, <c>anyOf</c> or <c>not</c> only.
/// </summary>
/// <param name="Chain">The schemas it passes through, back to the first: <c>A, B, A</c>.</param>
/// <param name="Steps">Where each arrow is written (the <c>$ref</c> or the <c>allOf</c> member), one per arrow.</param>
/// <param name="Keywords">The keyword of each arrow (<c>$ref</c>, <c>allOf</c>, ...).</param>
/// <param name="Members">Every schema of the knot the cycle lies in (more than the chain when several cycles share schemas).</param>
internal sealed record CompositionCycle(IReadOnlyList<string> Chain, IReadOnlyList<string> Steps, IReadOnlyList<string> Keywords, IReadOnlyList<string> Members)
{
    /// <summary>Where the cycle is reported: its first arrow.</summary>
    public string Pointer => Steps[0];

    /// <summary>The pointer chain: <c>#/components/schemas/A -> #/components/schemas/B -> #/components/schemas/A</c>.</summary>
    public override string ToString() => string.Join(" -> ", Chain);

    /// <summary>The chain with its keywords and what to do about it, for an error message.</summary>
    public string Explain() =>
        $"{this} ({string.Join(", ", Keywords)}): a value would be checked against the same schema again before any of its properties or items is read, "
        + "so no walk of it ever ends; put the recursion under `properties`, `items` or `additionalProperties` (a tree), or merge the schemas";
}

/// <summary>
/// Finds <see cref="CompositionCycle"/>s in a bundled spec (its raw JSON). The rule: a cycle made only
/// of <c>$ref</c>, <c>allOf</c>, <c>oneOf</c>, <c>anyOf</c> and <c>not</c> steps is an error, because
/// each step applies another schema to the same value, so a validator, a converter or a merge of
/// <c>allOf</c> parts goes round forever. Recursion through <c>properties</c>, <c>items</c> or
/// <c>additionalProperties</c> (a tree: <c>Node.children: [Node]</c>) moves one level down into the
/// value at each step; it is legitimate OpenAPI, not a cycle here, and the tools walk it once.
/// A discriminator's <c>mapping</c> is no step either: it picks the schema of a value that the base
/// schema's own <c>allOf</c> children extend (the usual <c>EventEntry</c> pattern).
/// </summary>
internal static class CompositionCycles
{
    private static readonly string[] Applicators = ["allOf", "oneOf", "anyOf"];

    /// <summary>The pointers of every component of every kind (<c>#/components/schemas/Issue</c>, ...).</summary>
    public static IEnumerable<string> ComponentPointers(JsonNode? document)
    {
        var components = JsonPointers.Append(JsonPointers.Root, "components");
        foreach (var (kind, entries) in document?["components"] as JsonObject ?? [])
        {
            foreach (var (name, _) in entries as JsonObject ?? [])
            {
                yield return JsonPointers.Append(JsonPointers.Append(components, kind), name);
            }
        }
    }

    /// <summary>
    /// The cycles reachable from <paramref name="roots"/>, one per knot (a strongly connected set of
    /// schemas), each as its shortest chain from the knot's first pointer, ordered by that pointer.
    /// Every cycle passes through a <c>$ref</c> target, so the components and the targets of all
    /// <c>$ref</c>s are roots enough. Iterative: a chain of thousands of schemas cannot overflow the stack.
    /// </summary>
    public static IReadOnlyList<CompositionCycle> Find(JsonNode? document, IEnumerable<string> roots)
    {
        var knots = new List<List<string>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var selfLoops = new HashSet<string>(StringComparer.Ordinal);
        var edges = new Dictionary<string, List<Step>>(StringComparer.Ordinal);
        List<Step> EdgesOf(string pointer) => edges.TryGetValue(pointer, out var known) ? known : edges[pointer] = StepsFrom(document, pointer);

        // Tarjan's strongly connected components, with an explicit stack of frames.
        foreach (var root in roots)
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var frames = new Stack<Frame>();
            void Enter(string pointer)
            {
                index[pointer] = low[pointer] = index.Count;
                stack.Push(pointer);
                onStack.Add(pointer);
                frames.Push(new Frame(pointer, EdgesOf(pointer)));
            }

            Enter(root);
            while (frames.TryPeek(out var frame))
            {
                if (frame.Next < frame.Edges.Count)
                {
                    var target = frame.Edges[frame.Next++].Target;
                    if (target == frame.Pointer)
                    {
                        selfLoops.Add(target);
                    }

                    if (!index.ContainsKey(target))
                    {
                        Enter(target);
                    }
                    else if (onStack.Contains(target))
                    {
                        low[frame.Pointer] = Math.Min(low[frame.Pointer], index[target]);
                    }

                    continue;
                }

                frames.Pop();
                if (frames.TryPeek(out var parent))
                {
                    low[parent.Pointer] = Math.Min(low[parent.Pointer], low[frame.Pointer]);
                }

                if (low[frame.Pointer] == index[frame.Pointer])
                {
                    var knot = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        knot.Add(member);
                    }
                    while (member != frame.Pointer);

                    if (knot.Count > 1 || selfLoops.Contains(frame.Pointer))
                    {
                        knots.Add(knot);
                    }
                }
            }
        }

        return knots.Select(k => Shortest(k, EdgesOf)).OrderBy(c => c.Chain[0], StringComparer.Ordinal).ToList();
    }

    // The shortest way round from the knot's first pointer back to it (breadth first, inside the knot).
    private static CompositionCycle Shortest(List<string> knot, Func<string, List<Step>> edgesOf)
    {
        var members = knot.Order(StringComparer.Ordinal).ToList();
        var inKnot = members.ToHashSet(StringComparer.Ordinal);
        var start = members[0];
        var came = new Dictionary<string, (string From, Step Step)>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var pointer))
        {
            foreach (var step in edgesOf(pointer).Where(s => inKnot.Contains(s.Target)))
            {
                if (step.Target == start)
                {
                    var steps = new List<Step> { step };
                    for (var at = pointer; at != start; at = came[at].From)
                    {
                        steps.Insert(0, came[at].Step);
                    }

                    return new CompositionCycle(
                        steps.Select(s => s.Target).Prepend(start).ToList(),
                        steps.Select(s => s.WrittenAt).ToList(),
                        steps.Select(s => s.Keyword).ToList(),
                        members);
                }

                if (step.Target != start && came.TryAdd(step.Target, (pointer, step)))
                {
                    queue.Enqueue(step.Target);
                }
            }
        }

        throw new InvalidOperationException($"{start}: a knot of schemas without a way round (a bug in the cycle search).");
    }

    // The steps that apply another schema to the same value: a $ref, or the members of allOf/oneOf/anyOf and not.
    private static List<Step> StepsFrom(JsonNode? document, string pointer)
    {
        var steps = new List<Step>();
        if (JsonPointers.Find(document, pointer) is not JsonObject schema)
        {
            return steps;
        }

        if (BundleDocument.RefOf(schema) is { } reference)
        {
            // Siblings of a $ref are ignored in OpenAPI 3.0; a remote $ref leads out of the document.
            if (reference.StartsWith("#/", StringComparison.Ordinal))
            {
                steps.Add(new Step(reference, JsonPointers.Append(pointer, "$ref"), "$ref"));
            }

            return steps;
        }

        foreach (var keyword in Applicators)
        {
            if (schema[keyword] is JsonArray members)
            {
                for (var i = 0; i < members.Count; i++)
                {
                    steps.Add(Member(members[i], JsonPointers.Append(JsonPointers.Append(pointer, keyword), i), keyword));
                }
            }
        }

        if (schema["not"] is JsonObject not)
        {
            steps.Add(Member(not, JsonPointers.Append(pointer, "not"), "not"));
        }

        return steps;
    }

    // A member that is only a $ref leads straight to its target, so chains name schemas, not `allOf/0`s.
    private static Step Member(JsonNode? member, string pointer, string keyword) =>
        BundleDocument.RefOf(member) is { } reference && reference.StartsWith("#/", StringComparison.Ordinal)
            ? new Step(reference, pointer, keyword)
            : new Step(pointer, pointer, keyword);

    private readonly record struct Step(string Target, string WrittenAt, string Keyword);

    private sealed class Frame(string pointer, List<Step> edges)
    {
        public string Pointer { get; } = pointer;

        public List<Step> Edges { get; } = edges;

        public int Next { get; set; }
    }
}
