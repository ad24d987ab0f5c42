using Microsoft.OpenApi;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Diff;

/// <summary>
/// Compares one schema of OLD with its counterpart in NEW, recursing into properties, items,
/// additionalProperties and oneOf/anyOf variants, and reports what changed for a client generated
/// from OLD. A request schema (parameters, request bodies) breaks when NEW accepts less; a response
/// schema breaks when NEW may send what OLD's client cannot read.
/// </summary>
internal sealed class SchemaComparer
{
    private readonly DiffSite _site;
    private readonly bool _request;
    private readonly SpecDocument _old;
    private readonly SpecDocument _new;

    // The pairs being compared on the current path, with their depth: a recursive schema (Issue -> parent Issue) stops here.
    private readonly Dictionary<(IOpenApiSchema, IOpenApiSchema), int> _inProgress = new(new PairComparer());

    // Pairs that were compared in full without a finding, shared by the comparers of one diff.
    private readonly UnchangedPairs _unchanged;

    // The shallowest pair in progress that the current subtree ran into: below it, the subtree was not compared in full.
    private int _reach = int.MaxValue;

    /// <param name="site">Where the schema is (<c>request body</c>, <c>response 200 body</c>, <c>parameter query status</c>) and where findings go.</param>
    /// <param name="request">True for what the client sends, false for what it reads.</param>
    /// <param name="old">OLD, for a dangling $ref and what its object model loses.</param>
    /// <param name="new">NEW, likewise.</param>
    /// <param name="unchanged">Pairs known to compare without a finding, filled as pairs are found so.</param>
    public SchemaComparer(DiffSite site, bool request, SpecDocument old, SpecDocument @new, UnchangedPairs unchanged)
    {
        _site = site;
        _request = request;
        _old = old;
        _new = @new;
        _unchanged = unchanged;
    }

    /// <summary>Compares the two schemas; <paramref name="path"/> is the dotted property path so far ("" at the root).</summary>
    public void Compare(SchemaNode old, SchemaNode @new, string path = "")
    {
        var before = SchemaView.Of(old, _old);
        var after = SchemaView.Of(@new, _new);
        var pair = (before.Target, after.Target);
        if (_unchanged.Contains(pair, _request))
        {
            return; // the Issue schema of the 300th operation: compared before, nothing changed
        }

        if (_inProgress.TryGetValue(pair, out var ancestor))
        {
            _reach = Math.Min(_reach, ancestor);
            return;
        }

        var depth = _inProgress.Count;
        _inProgress[pair] = depth;
        var outerReach = _reach;
        _reach = int.MaxValue;
        var reported = _site.Reported;
        try
        {
            if (_request)
            {
                CompareRequestValues(before, after, path);
            }
            else
            {
                CompareResponseValues(before, after, path);
            }

            CompareProperties(before, after, path);
            if (before.Items is { } oldItems && after.Items is { } newItems)
            {
                Compare(oldItems, newItems, path + "[]");
            }

            if (before.AdditionalProperties is { } oldExtra && after.AdditionalProperties is { } newExtra)
            {
                Compare(oldExtra, newExtra, Join(path, "*"));
            }

            CompareVariants(before, after, path);
        }
        finally
        {
            _inProgress.Remove(pair);

            // Compared in full (nothing cut short by a pair further up) and nothing found: the same pair elsewhere finds nothing either.
            if (_reach >= depth && _site.Reported == reported)
            {
                _unchanged.Add(pair, _request);
            }

            _reach = Math.Min(outerReach, _reach < depth ? _reach : int.MaxValue);
        }
    }

    private void CompareRequestValues(SchemaView before, SchemaView after, string path)
    {
        if (before.Type != after.Type)
        {
            var (kind, how) = (before.Type, after.Type) switch
            {
                (null, _) => (ChangeKinds.RequestTypeNarrowed, "narrowed"),
                (_, null) => (ChangeKinds.RequestTypeWidened, "widened"),
                var (o, n) when Subset(n!.Value, o!.Value) => (ChangeKinds.RequestTypeNarrowed, "narrowed"),
                var (o, n) when Subset(o!.Value, n!.Value) => (ChangeKinds.RequestTypeWidened, "widened"),
                _ => (ChangeKinds.RequestTypeChanged, "changed"),
            };
            Report(kind, path, "type", after.Pointer, $"type {how} from {before.TypeText} to {after.TypeText}");
        }
        else if (before.Format != after.Format)
        {
            var kind = before.Format is null ? ChangeKinds.RequestTypeNarrowed : after.Format is null ? ChangeKinds.RequestTypeWidened : ChangeKinds.RequestTypeChanged;
            Report(kind, path, "format", after.Pointer, $"format changed from {before.Format ?? "none"} to {after.Format ?? "none"}");
        }

        if (before.Nullable != after.Nullable)
        {
            Report(before.Nullable ? ChangeKinds.RequestTypeNarrowed : ChangeKinds.RequestTypeWidened, path, "nullable", after.Pointer,
                before.Nullable ? "no longer accepts null" : "now accepts null");
        }

        switch (before.Enum, after.Enum)
        {
            case (null, { } values):
                Report(ChangeKinds.RequestTypeNarrowed, path, "enum", after.Pointer, $"now restricted to the values [{string.Join(", ", values)}]");
                break;
            case ({ }, null):
                Report(ChangeKinds.RequestTypeWidened, path, "enum", after.Pointer, "no longer restricted to an enum");
                break;
            case ({ } oldValues, { } newValues):
                foreach (var removed in oldValues.Except(newValues))
                {
                    Report(ChangeKinds.RequestEnumValueRemoved, path, removed, after.Pointer, $"enum value `{removed}` is no longer accepted");
                }

                foreach (var added in newValues.Except(oldValues))
                {
                    Report(ChangeKinds.RequestEnumValueAdded, path, added, after.Pointer, $"enum value `{added}` is now accepted");
                }

                break;
        }

        CompareLimit("maxLength", before.MaxLength, after.MaxLength, upper: true, path, after.Pointer);
        CompareLimit("minLength", before.MinLength, after.MinLength, upper: false, path, after.Pointer);
        CompareLimit("maximum", before.Maximum, after.Maximum, upper: true, path, after.Pointer);
        CompareLimit("minimum", before.Minimum, after.Minimum, upper: false, path, after.Pointer);
        CompareLimit("maxItems", before.MaxItems, after.MaxItems, upper: true, path, after.Pointer);
        CompareLimit("minItems", before.MinItems, after.MinItems, upper: false, path, after.Pointer);
        if (before.Pattern != after.Pattern)
        {
            Report(after.Pattern is null ? ChangeKinds.RequestTypeWidened : ChangeKinds.RequestTypeNarrowed, path, "pattern", after.Pointer,
                after.Pattern is null ? $"pattern {before.Pattern} removed" : $"pattern changed from {before.Pattern ?? "none"} to {after.Pattern}");
        }

        if (before.AdditionalPropertiesAllowed != after.AdditionalPropertiesAllowed)
        {
            Report(after.AdditionalPropertiesAllowed ? ChangeKinds.RequestTypeWidened : ChangeKinds.RequestTypeNarrowed, path, "additionalProperties", after.Pointer,
                after.AdditionalPropertiesAllowed ? "now accepts additional properties" : "no longer accepts additional properties");
        }
    }

    private void CompareResponseValues(SchemaView before, SchemaView after, string path)
    {
        if (before.Type != after.Type || before.Format != after.Format)
        {
            // A free-form value that got a type still reads into OLD's `object`; any other change does not.
            var kind = before.Type is null && before.Format is null ? ChangeKinds.ResponseTypeNarrowed : ChangeKinds.ResponseTypeChanged;
            Report(kind, path, "type", after.Pointer, $"type changed from {before.TypeText} to {after.TypeText}");
        }

        if (before.Nullable != after.Nullable)
        {
            Report(after.Nullable ? ChangeKinds.ResponsePropertyMadeNullable : ChangeKinds.ResponsePropertyMadeNonNullable, path, null, after.Pointer,
                after.Nullable ? "may now be null; OLD clients do not expect it" : "is no longer nullable");
        }

        if (before.Enum is { } oldClosed)
        {
            if (after.Enum is { } newClosed)
            {
                foreach (var added in newClosed.Except(oldClosed))
                {
                    Report(ChangeKinds.ResponseEnumValueAdded, path, added, after.Pointer, $"closed enum gained `{added}`, which OLD clients cannot read", breaking: true);
                }

                foreach (var removed in oldClosed.Except(newClosed))
                {
                    Report(ChangeKinds.ResponseEnumValueRemoved, path, removed, after.Pointer, $"enum value `{removed}` is no longer sent");
                }
            }
            else
            {
                Report(ChangeKinds.ResponseTypeChanged, path, "enum", after.Pointer,
                    "closed enum became an open set; OLD clients cannot read values outside [" + string.Join(", ", oldClosed) + "]");
            }
        }
        else if (before.ExtensibleEnum is { } oldOpen && after.ExtensibleEnum is { } newOpen && after.Enum is null)
        {
            foreach (var added in newOpen.Except(oldOpen))
            {
                Report(ChangeKinds.ResponseEnumValueAdded, path, added, after.Pointer, $"x-extensible-enum gained `{added}` (an open set: OLD clients keep it as a string)", breaking: false);
            }

            foreach (var removed in oldOpen.Except(newOpen))
            {
                Report(ChangeKinds.ResponseEnumValueRemoved, path, removed, after.Pointer, $"x-extensible-enum no longer lists `{removed}`");
            }
        }
    }

    private void CompareProperties(SchemaView before, SchemaView after, string path)
    {
        foreach (var (name, oldProperty) in before.Properties)
        {
            var at = Join(path, name);
            if (!after.Properties.TryGetValue(name, out var newProperty))
            {
                Report(_request ? ChangeKinds.RequestPropertyRemoved : ChangeKinds.ResponsePropertyRemoved, at, null, oldProperty.Pointer,
                    _request ? "property removed; OLD clients may still send it" : "property removed; OLD clients read it");
                continue;
            }

            var wasRequired = before.Required.Contains(name);
            var isRequired = after.Required.Contains(name);
            if (wasRequired != isRequired)
            {
                var kind = (_request, isRequired) switch
                {
                    (true, true) => ChangeKinds.RequestPropertyMadeRequired,
                    (true, false) => ChangeKinds.RequestPropertyMadeOptional,
                    (false, true) => ChangeKinds.ResponsePropertyMadeRequired,
                    (false, false) => ChangeKinds.ResponsePropertyMadeOptional,
                };
                Report(kind, at, null, newProperty.Pointer, isRequired ? "property is now required" : "property is now optional");
            }

            Compare(oldProperty, newProperty, at);
        }

        foreach (var (name, newProperty) in after.Properties.Where(p => !before.Properties.ContainsKey(p.Key)))
        {
            var required = after.Required.Contains(name);
            var kind = !_request ? ChangeKinds.ResponsePropertyAdded
                : required ? ChangeKinds.RequestPropertyAddedRequired
                : ChangeKinds.RequestPropertyAdded;
            Report(kind, Join(path, name), null, newProperty.Pointer, required ? "new required property" : "new optional property");
        }
    }

    private void CompareVariants(SchemaView before, SchemaView after, string path)
    {
        if (IsFreeForm(before) && before.Variants.Count == 0 && after.Variants.Count > 0)
        {
            // A free-form value whose shapes are now spelled out: OLD clients read any of them into their
            // free-form value; OLD callers may have sent a value outside them.
            Report(_request ? ChangeKinds.RequestTypeNarrowed : ChangeKinds.ResponseTypeNarrowed, path, "oneOf/anyOf", after.Pointer,
                $"a free-form value is now one of {string.Join(", ", after.Variants.Select(v => v.Key))}"
                + (_request ? "; OLD clients may send other values" : " (OLD clients still read it)"));
            return;
        }

        foreach (var (key, oldVariant) in before.Variants)
        {
            if (after.Variants.FirstOrDefault(v => v.Key == key) is { Key: not null } match)
            {
                Compare(oldVariant, match.Node, path);
            }
            else
            {
                Report(_request ? ChangeKinds.RequestTypeNarrowed : ChangeKinds.ResponseTypeNarrowed, path, "variant " + key, oldVariant.Pointer,
                    $"variant {key} removed from oneOf/anyOf");
            }
        }

        foreach (var (key, newVariant) in after.Variants.Where(v => before.Variants.All(o => o.Key != v.Key)))
        {
            Report(_request ? ChangeKinds.RequestTypeWidened : ChangeKinds.ResponseTypeChanged, path, "variant " + key, newVariant.Pointer,
                _request ? $"variant {key} added to oneOf/anyOf" : $"variant {key} added to oneOf/anyOf; OLD clients cannot read it");
        }
    }

    private static bool IsFreeForm(SchemaView schema) =>
        schema.Type is null && schema.Format is null && schema.Enum is null && schema.Properties.Count == 0;

    // An upper limit lowered or a lower limit raised (or either newly set) admits fewer values.
    private void CompareLimit(string keyword, decimal? before, decimal? after, bool upper, string path, string pointer)
    {
        if (before == after)
        {
            return;
        }

        var narrowed = (before, after) switch
        {
            (null, _) => true,
            (_, null) => false,
            var (o, n) => upper ? n < o : n > o,
        };
        Report(narrowed ? ChangeKinds.RequestTypeNarrowed : ChangeKinds.RequestTypeWidened, path, keyword, pointer,
            $"{keyword} changed from {before?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} to {after?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}");
    }

    // Integer values are numbers, so number -> integer narrows.
    private static bool Subset(JsonSchemaType inner, JsonSchemaType outer)
    {
        static JsonSchemaType Values(JsonSchemaType t) => t.HasFlag(JsonSchemaType.Number) ? t | JsonSchemaType.Integer : t;
        return (Values(inner) & ~Values(outer)) == 0;
    }

    private void Report(string kind, string path, string? detail, string pointer, string message, bool? breaking = null) =>
        _site.Report(kind, breaking ?? ChangeKinds.IsBreaking(kind), path, detail, pointer, message);

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    internal sealed class PairComparer : IEqualityComparer<(IOpenApiSchema, IOpenApiSchema)>
    {
        public bool Equals((IOpenApiSchema, IOpenApiSchema) x, (IOpenApiSchema, IOpenApiSchema) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((IOpenApiSchema, IOpenApiSchema) pair) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(pair.Item2));
    }
}
