using System.Text;
using Microsoft.OpenApi;

namespace Sentry.OpenApi.Generator.ClientExtensions;

/// <summary>
/// The C# names and types NSwag gives spec elements (nswag.json: parameterArrayType IEnumerable,
/// optional parameters nullable, named schemas keep their component name). The client extensions
/// call the generated methods with these names, so a mismatch fails the library's compile.
/// </summary>
internal static class CSharpNames
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    ];

    /// <summary>A parameter's C# identifier (NSwag keeps the spec name, escaping keywords).</summary>
    public static string Parameter(string name)
    {
        var id = new string(name.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        return Keywords.Contains(id) ? "@" + id : id;
    }

    /// <summary>The C# type of a parameter schema; optional value types become nullable.</summary>
    public static string ParameterType(IOpenApiSchema schema, bool required, string where)
    {
        var type = SchemaType(schema, where, asParameter: true);
        return required ? type : type + "?";
    }

    /// <summary>The C# type NSwag generates for a schema.</summary>
    public static string SchemaType(IOpenApiSchema schema, string where, bool asParameter = false)
    {
        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id)
        {
            var target = reference.Target;
            // String schemas without enum (open value sets such as Platform) are inlined as string.
            if (target?.Type == JsonSchemaType.String && (target.Enum is null || target.Enum.Count == 0))
            {
                return "string";
            }

            return id;
        }

        var kind = schema.Type ?? JsonSchemaType.Null;
        kind &= ~JsonSchemaType.Null;
        if (schema.Enum is { Count: > 0 } && kind == JsonSchemaType.String)
        {
            throw new InvalidOperationException($"{where}: an inline enum gets a name invented by NSwag; reference a named enum schema instead.");
        }

        return kind switch
        {
            JsonSchemaType.String when schema.Format is "date-time" => "System.DateTimeOffset",
            JsonSchemaType.String when schema.Format is "binary" => "FileParameter",
            JsonSchemaType.String => "string",
            JsonSchemaType.Integer when schema.Format is "int64" => "long",
            JsonSchemaType.Integer => "int",
            JsonSchemaType.Number => "double",
            JsonSchemaType.Boolean => "bool",
            JsonSchemaType.Array when schema.Items is { } items =>
                (asParameter ? "System.Collections.Generic.IEnumerable<" : "System.Collections.Generic.ICollection<") + SchemaType(items, where + "[]") + ">",
            _ => "object",
        };
    }

    /// <summary>PascalCase of a spec value, for a constant's name (`in_progress` → `InProgress`).</summary>
    public static string Pascal(string value)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in value)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        var name = builder.ToString();
        return name.Length == 0 ? "Empty" : char.IsDigit(name[0]) ? "_" + name : name;
    }

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\"";
}
