namespace Sentry.OpenApi.Generator.Validation;

/// <summary>A rule `validate` applies: its id, default severity and the one line `--list-rules` prints.</summary>
internal sealed record ValidationRule(string Id, Severity Severity, string Explanation)
{
    public Finding At(string pointer, string message, BundleOperation? operation = null) => new(Id, Severity, pointer, message, operation);

    public Finding At(string pointer, string message, BundleOperation? operation, Severity severity) => new(Id, severity, pointer, message, operation);
}

/// <summary>Every rule `validate` knows, in the order `--list-rules` shows them.</summary>
internal static class ValidationRules
{
    public static readonly ValidationRule OpenApiRead = new("OPENAPI-READ", Severity.Error,
        "Microsoft.OpenApi's diagnostics from reading the bundle (errors and warnings, as it reports them).");

    public static readonly ValidationRule OpenApiRule = new("OPENAPI-RULE", Severity.Error,
        "Microsoft.OpenApi's default validation rule set (errors and warnings, as it reports them; the rule name is in the message).");

    public static readonly ValidationRule UniqueOperationIds = new("SENTRY001", Severity.Error,
        "Every operation has an operationId, unique in the spec (it names the generated C# method).");

    public static readonly ValidationRule OneDeclaredTag = new("SENTRY002", Severity.Error,
        "Every operation has exactly one tag, declared in the top-level tags (it names the generated client).");

    public static readonly ValidationRule Summary = new("SENTRY003", Severity.Error,
        "Every operation has a summary.");

    public static readonly ValidationRule SuccessResponse = new("SENTRY004", Severity.Error,
        "Every operation has a 2xx response.");

    public static readonly ValidationRule NamedSchemaAndExample = new("SENTRY005", Severity.Error,
        "Every 2xx application/json response has a named schema ($ref, or an array of a $ref) and at least one example.");

    public static readonly ValidationRule ValidExamples = new("SENTRY006", Severity.Error,
        "Every example (request, response, header, parameter) is valid against its schema, strictly: objects may only use declared properties.");

    public static readonly ValidationRule CursorPagination = new("SENTRY007", Severity.Error,
        "Cursor-paginated operations declare the cursor query parameter, the Link header on 200, and a 200 JSON array (or object naming its list in x-sentry-pagination-items).");

    public static readonly ValidationRule PathParameters = new("SENTRY008", Severity.Error,
        "Every {name} in a path is declared as an `in: path` parameter, and every declared path parameter appears in the path.");

    public static readonly ValidationRule UnusedComponents = new("SENTRY009", Severity.Error,
        "No unused components: every component (and every spec/components file) is referenced from the paths, directly or through other used components.");

    public static readonly ValidationRule UniqueExampleNames = new("SENTRY010", Severity.Error,
        "Example names are unique across an operation's success responses (test cases are named <OperationId>/<example>).");

    public static readonly ValidationRule OpenEnums = new("SENTRY011", Severity.Warning,
        "Open value sets: `type: string` + `anyOf: [{type: string, enum: [...]}, {type: string}]` (what standard tools read) with the same values in "
        + "`x-extensible-enum` (what our C# constants read); warns on an x-extensible-enum without that anyOf and on a closed `enum` in a response "
        + "(a value Sentry adds later would fail deserialization); the two lists differing, or the anyOf without x-extensible-enum, is an error.");

    public static readonly ValidationRule SchemaCycles = new("SENTRY012", Severity.Error,
        "No schema cycle made only of $ref, allOf, oneOf, anyOf or not: it never reaches a value, so nothing can check or merge it. "
        + "Recursion through properties, items or additionalProperties (a tree) is fine.");

    public static readonly ValidationRule NullableComponents = new("SENTRY013", Severity.Warning,
        "No reusable component schema is `nullable: true` at the top level: every use and every generated type of it would admit null; "
        + "where a null is really sent, write `oneOf: [{$ref: ...}, {type: string, nullable: true, enum: [null]}]` (spec/CONVENTIONS.md).");

    public static IReadOnlyList<ValidationRule> All { get; } =
    [
        OpenApiRead, OpenApiRule, UniqueOperationIds, OneDeclaredTag, Summary, SuccessResponse, NamedSchemaAndExample,
        ValidExamples, CursorPagination, PathParameters, UnusedComponents, UniqueExampleNames, OpenEnums, SchemaCycles, NullableComponents,
    ];
}
