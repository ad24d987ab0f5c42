using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Sentry.OpenApi.Generator.Mocks;

namespace Sentry.OpenApi.Generator.ContractCalls;

/// <summary>An example that does not fit the CLR type of its parameter.</summary>
internal sealed class ExampleTypeException(string message) : Exception(message);

/// <summary>
/// Turns a spec example (JSON) into a C# expression of a parameter's CLR type, as the compiled assembly
/// declares it: a string, number or bool literal, a <see cref="DateTimeOffset"/> parsed from the example's
/// text, an enum member chosen by its <c>[EnumMember]</c> value, an array for a collection, and for a
/// request body class the example's JSON deserialized with the client's own settings.
/// </summary>
internal static class CSharpValues
{
    private const string EnumMemberAttribute = "System.Runtime.Serialization.EnumMemberAttribute";

    /// <summary>The expression; <paramref name="settings"/> names the <c>JsonSerializerSettings</c> a body is read with.</summary>
    public static string Literal(JsonNode? example, Type type, string settings)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (example is null)
        {
            return !type.IsValueType || Nullable.GetUnderlyingType(type) is not null ? "null" : throw new ExampleTypeException($"null is not a {type.Name}");
        }

        if (ElementType(target) is { } element)
        {
            var items = example is JsonArray array ? array.ToList() : [example];
            return $"new {CSharpSyntax.Type(element)}[] {{ {string.Join(", ", items.Select(i => Literal(i, element, settings)))} }}";
        }

        if (IsScalar(target))
        {
            return Scalar(example as JsonValue ?? throw new ExampleTypeException($"{Short(example)} is not a single value for {target.Name}"), target);
        }

        // A request body class: the example is its JSON.
        return $"global::Newtonsoft.Json.JsonConvert.DeserializeObject<{CSharpSyntax.Type(target)}>({CSharpSyntax.String(example.ToJsonString())}, {settings})!";
    }

    /// <summary>The item type of a collection parameter (<c>IEnumerable&lt;T&gt;</c>, <c>T[]</c>, <c>IList&lt;T&gt;</c>, ...), or null.</summary>
    public static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type.IsGenericType && type.GetGenericArguments() is [var item]
            && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IEnumerable<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>)
                || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>))
            ? item
            : null;
    }

    /// <summary>Whether a value of <paramref name="type"/> is one query or path value (text on the wire).</summary>
    public static bool IsScalar(Type type) =>
        type.IsEnum || type == typeof(string) || type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(double)
        || type == typeof(decimal) || type == typeof(float) || type == typeof(DateTimeOffset) || type == typeof(Guid);

    /// <summary>The members of an enum with the text each stands for on the wire (its <c>[EnumMember]</c> value, else its name).</summary>
    public static IReadOnlyList<(string Wire, string Member)> EnumMembers(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (Wire: f.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == EnumMemberAttribute)?
                .NamedArguments.FirstOrDefault(n => n.MemberName == "Value").TypedValue.Value as string ?? f.Name, Member: f.Name))
            .ToList();

    private static string Scalar(JsonValue value, Type type)
    {
        var text = MockParameter.Text(value);
        if (type == typeof(string))
        {
            return CSharpSyntax.String(text);
        }

        if (type.IsEnum)
        {
            var members = EnumMembers(type);
            var member = members.FirstOrDefault(m => m.Wire == text).Member
                ?? throw new ExampleTypeException($"\"{text}\" is none of the values of {type.Name} ({string.Join(", ", members.Select(m => m.Wire))})");
            return $"{CSharpSyntax.Type(type)}.{CSharpSyntax.Identifier(member)}";
        }

        const NumberStyles integer = NumberStyles.AllowLeadingSign;
        const NumberStyles real = NumberStyles.Float;
        var invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            _ when type == typeof(bool) => text switch
            {
                "true" => "true",
                "false" => "false",
                _ => throw new ExampleTypeException($"\"{text}\" is not a boolean"),
            },
            _ when type == typeof(int) => int.TryParse(text, integer, invariant, out var i) ? CSharpSyntax.Number(i, "") : throw NotA(text, type),
            _ when type == typeof(long) => long.TryParse(text, integer, invariant, out var l) ? CSharpSyntax.Number(l, "L") : throw NotA(text, type),
            _ when type == typeof(double) => double.TryParse(text, real, invariant, out var d) && double.IsFinite(d) ? CSharpSyntax.Number(d, "D") : throw NotA(text, type),
            _ when type == typeof(float) => float.TryParse(text, real, invariant, out var f) && float.IsFinite(f) ? CSharpSyntax.Number(f, "F") : throw NotA(text, type),
            _ when type == typeof(decimal) => decimal.TryParse(text, real, invariant, out var m) ? CSharpSyntax.Number(m, "M") : throw NotA(text, type),
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.TryParse(text, invariant, DateTimeStyles.AssumeUniversal, out _)
                ? $"global::System.DateTimeOffset.Parse({CSharpSyntax.String(text)}, global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.AssumeUniversal)"
                : throw NotA(text, type),
            _ when type == typeof(Guid) => Guid.TryParse(text, out _) ? $"global::System.Guid.Parse({CSharpSyntax.String(text)})" : throw NotA(text, type),
            _ => throw new ExampleTypeException($"{type} is not a type a path or query value can have"),
        };
    }

    private static ExampleTypeException NotA(string text, Type type) => new($"\"{text}\" is not a {type.Name}");

    private static string Short(JsonNode node)
    {
        var json = node.ToJsonString();
        return json.Length > 80 ? json[..80] + "…" : json;
    }
}
