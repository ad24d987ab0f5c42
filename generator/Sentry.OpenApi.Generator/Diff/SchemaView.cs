using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Diff;

/// <summary>A schema and the JSON pointer where it is written (a component's pointer once a $ref is followed).</summary>
internal readonly record struct SchemaNode(IOpenApiSchema Schema, string Pointer);

/// <summary>
/// What a client sees of one schema, with its <c>$ref</c> followed and its <c>allOf</c> parts merged
/// (properties and required names united; type, format, items and enum taken from the first part that has them).
/// </summary>
internal sealed class SchemaView
{
    private readonly SpecDocument _spec;

    private SchemaView(IOpenApiSchema target, string pointer, SpecDocument spec)
    {
        Target = target;
        Pointer = pointer;
        _spec = spec;
    }

    /// <summary>The resolved schema: identity for cycle protection.</summary>
    public IOpenApiSchema Target { get; }

    public string Pointer { get; }

    /// <summary>The type without <c>null</c>; null when the schema says nothing (any value).</summary>
    public JsonSchemaType? Type { get; private set; }

    public bool Nullable { get; private set; }

    public string? Format { get; private set; }

    public Dictionary<string, SchemaNode> Properties { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

    public SchemaNode? Items { get; private set; }

    public SchemaNode? AdditionalProperties { get; private set; }

    public bool AdditionalPropertiesAllowed { get; private set; } = true;

    /// <summary>The closed <c>enum</c> values as text, or null when there is none.</summary>
    public IReadOnlyList<string>? Enum { get; private set; }

    /// <summary>The open <c>x-extensible-enum</c> values as text, or null when there is none.</summary>
    public IReadOnlyList<string>? ExtensibleEnum { get; private set; }

    /// <summary>The <c>oneOf</c>/<c>anyOf</c> variants, keyed by component name or type.</summary>
    public List<(string Key, SchemaNode Node)> Variants { get; } = [];

    public decimal? MaxLength { get; private set; }

    public decimal? MinLength { get; private set; }

    public decimal? Maximum { get; private set; }

    public decimal? Minimum { get; private set; }

    public decimal? MaxItems { get; private set; }

    public decimal? MinItems { get; private set; }

    public string? Pattern { get; private set; }

    /// <summary>The type as text (<c>string(date-time)</c>, <c>array&lt;integer&gt;</c>, <c>any</c>).</summary>
    public string TypeText => TypeTextOf(new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance));

    /// <summary>Follows <paramref name="node"/>'s $ref (a dangling one is bad input naming <paramref name="spec"/>'s file) and merges its allOf.</summary>
    public static SchemaView Of(SchemaNode node, SpecDocument spec) => Merge(Resolve(node, spec.Path), spec, new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance));

    /// <summary>The schema a $ref points at, with the component's pointer; a chain of $refs that comes back is bad input.</summary>
    public static SchemaNode Resolve(SchemaNode node, string file)
    {
        var (schema, pointer) = node;
        var chain = new List<string>();
        while (schema is OpenApiSchemaReference reference)
        {
            var name = reference.Reference.ReferenceV3 ?? pointer;
            if (chain.Contains(name))
            {
                throw new SpecInputException($"{file}: {node.Pointer}: $ref cycle {string.Join(" -> ", chain.Append(name))}; a $ref must lead to a schema.");
            }

            chain.Add(name);
            pointer = reference.Reference.Id is { } id ? JsonPointer.Build("components", "schemas", id) : pointer;
            try
            {
                schema = reference.Target
                    ?? throw new SpecInputException($"{file}: {node.Pointer}: $ref `{reference.Reference.ReferenceV3}` does not resolve; fix or re-bundle the spec.");
            }
            catch (InvalidOperationException e)
            {
                // Microsoft.OpenApi's own cycle check ("Circular reference detected while resolving schema").
                throw new SpecInputException($"{file}: {node.Pointer}: $ref `{reference.Reference.ReferenceV3}` cannot be resolved ({e.Message}).", e);
            }
        }

        return new SchemaNode(schema, pointer);
    }

    /// <summary>The names of the types in <paramref name="type"/> (<c>integer|string</c>), or <c>any</c>.</summary>
    public static string TypeName(JsonSchemaType? type)
    {
        if (type is not { } flags || flags == 0)
        {
            return "any";
        }

        return string.Join("|", System.Enum.GetValues<JsonSchemaType>().Where(t => t != JsonSchemaType.Null && flags.HasFlag(t))
            .Select(t => t.ToString().ToLowerInvariant()));
    }

    // An array of itself (a nested list) is legitimate: its item type is named once, then `recursive`.
    private string TypeTextOf(HashSet<IOpenApiSchema> outer)
    {
        var text = TypeName(Type) + (Format is null ? "" : $"({Format})");
        if (Type != JsonSchemaType.Array || Items is not { } items)
        {
            return text;
        }

        outer.Add(Target);
        var item = Resolve(items, _spec.Path);
        return outer.Contains(item.Schema) ? $"{text}<recursive {item.Pointer}>" : $"{text}<{Merge(item, _spec, new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance)).TypeTextOf(outer)}>";
    }

    private static SchemaView Merge(SchemaNode node, SpecDocument spec, HashSet<IOpenApiSchema> merging)
    {
        var file = spec.Path;
        var view = new SchemaView(node.Schema, node.Pointer, spec);
        var schema = node.Schema;
        merging.Add(schema);
        if (schema.Type is { } type)
        {
            view.Nullable = type.HasFlag(JsonSchemaType.Null);
            var withoutNull = type & ~JsonSchemaType.Null;
            view.Type = withoutNull == 0 ? null : withoutNull;
        }

        // `nullable: true` beside allOf without a type: null or what the parts say (their type comes in below).
        view.Nullable |= spec.NullableWithoutType.Contains(node.Pointer);

        view.Format = schema.Format;
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            view.Properties[name] = new SchemaNode(property, JsonPointer.Append(node.Pointer, "properties", name));
        }

        view.Required.UnionWith(schema.Required ?? new HashSet<string>());
        view.Items = schema.Items is { } items ? new SchemaNode(items, JsonPointer.Append(node.Pointer, "items")) : null;
        view.AdditionalProperties = schema.AdditionalProperties is { } extra ? new SchemaNode(extra, JsonPointer.Append(node.Pointer, "additionalProperties")) : null;
        view.AdditionalPropertiesAllowed = schema.AdditionalPropertiesAllowed;
        view.Enum = schema.Enum is { Count: > 0 } values ? values.Select(Text).ToList() : null;
        var openSet = OpenSetValues(schema);
        view.ExtensibleEnum = schema.Extensions?.TryGetValue("x-extensible-enum", out var open) == true && open is JsonNodeExtension { Node: JsonArray array }
            ? array.Select(Text).ToList()
            : openSet;
        view.MaxLength = schema.MaxLength;
        view.MinLength = schema.MinLength;
        view.Maximum = Number(schema.Maximum);
        view.Minimum = Number(schema.Minimum);
        view.MaxItems = schema.MaxItems;
        view.MinItems = schema.MinItems;
        view.Pattern = schema.Pattern;
        if (NullOr(schema, node.Pointer, spec) is { } index)
        {
            // `oneOf: [S, {nullable: true, enum: [null]}]` is the spec's nullable reference: S, or null.
            view.Nullable = true;
            var other = Resolve(new SchemaNode(schema.OneOf![index], JsonPointer.Append(node.Pointer, "oneOf", index.ToString(CultureInfo.InvariantCulture))), file);
            if (!merging.Contains(other.Schema))
            {
                view.Absorb(Merge(other, spec, merging));
            }
        }
        else
        {
            AddVariants(view, schema.OneOf, "oneOf", node.Pointer, spec);
        }

        if (openSet is null)
        {
            AddVariants(view, schema.AnyOf, "anyOf", node.Pointer, spec);
        }

        var parts = schema.AllOf ?? [];
        for (var i = 0; i < parts.Count; i++)
        {
            var part = Resolve(new SchemaNode(parts[i], JsonPointer.Append(node.Pointer, "allOf", i.ToString(CultureInfo.InvariantCulture))), file);
            if (merging.Contains(part.Schema))
            {
                continue; // an allOf that includes itself adds nothing
            }

            view.Absorb(Merge(part, spec, merging));
        }

        return view;
    }

    /// <summary>The index of the member that is not null, when <paramref name="schema"/> is <c>oneOf: [S, (only null)]</c>.</summary>
    internal static int? NullOr(IOpenApiSchema schema, string pointer, SpecDocument spec)
    {
        if (schema.OneOf is not { Count: 2 })
        {
            return null;
        }

        bool OnlyNull(int i) => spec.OnlyNull.Contains(JsonPointer.Append(pointer, "oneOf", i.ToString(CultureInfo.InvariantCulture)));
        return OnlyNull(1) && !OnlyNull(0) ? 0 : OnlyNull(0) && !OnlyNull(1) ? 1 : null;
    }

    private static void AddVariants(SchemaView view, IList<IOpenApiSchema>? variants, string keyword, string pointer, SpecDocument spec)
    {
        for (var i = 0; i < (variants?.Count ?? 0); i++)
        {
            var variant = variants![i];
            var node = new SchemaNode(variant, JsonPointer.Append(pointer, keyword, i.ToString(CultureInfo.InvariantCulture)));
            var key = variant is OpenApiSchemaReference { Reference.Id: { } id } ? id : Of(node, spec).TypeText;
            view.Variants.Add((key, node));
        }
    }

    /// <summary>
    /// The known values of an open value set in its standard form, <c>anyOf: [{type: string, enum: [...]}, {type: string}]</c>:
    /// one string, like <c>x-extensible-enum</c>, not two variants (so writing a set that way changes nothing for a client).
    /// </summary>
    private static List<string>? OpenSetValues(IOpenApiSchema schema)
    {
        if (schema.AnyOf is not { Count: 2 } members || members.Any(m => m is OpenApiSchemaReference || (m.Type & ~JsonSchemaType.Null) != JsonSchemaType.String))
        {
            return null;
        }

        var enumerated = members.Where(m => m.Enum is { Count: > 0 }).ToList();
        var plain = members.Where(m => m.Enum is not { Count: > 0 } && m.Format is null && m.Pattern is null).ToList();
        return enumerated.Count == 1 && plain.Count == 1 ? enumerated[0].Enum!.Select(Text).ToList() : null;
    }

    // allOf: the part's properties and requirements add up; the first part to state a keyword wins.
    private void Absorb(SchemaView part)
    {
        if (Type is null && part.Type is not null)
        {
            Type = part.Type;
            Nullable |= part.Nullable;
        }

        Format ??= part.Format;
        foreach (var (name, property) in part.Properties)
        {
            Properties.TryAdd(name, property);
        }

        Required.UnionWith(part.Required);
        Items ??= part.Items;
        AdditionalProperties ??= part.AdditionalProperties;
        AdditionalPropertiesAllowed &= part.AdditionalPropertiesAllowed;
        Enum ??= part.Enum;
        ExtensibleEnum ??= part.ExtensibleEnum;
        MaxLength ??= part.MaxLength;
        MinLength ??= part.MinLength;
        Maximum ??= part.Maximum;
        Minimum ??= part.Minimum;
        MaxItems ??= part.MaxItems;
        MinItems ??= part.MinItems;
        Pattern ??= part.Pattern;
        Variants.AddRange(part.Variants.Where(v => Variants.All(own => own.Key != v.Key)));
    }

    // Strings as they are (they appear in finding ids), anything else as JSON.
    private static string Text(JsonNode? value) =>
        value is JsonValue scalar && scalar.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "null";

    private static decimal? Number(string? value) =>
        decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
