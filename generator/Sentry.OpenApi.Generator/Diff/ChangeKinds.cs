namespace Sentry.OpenApi.Generator.Diff;

/// <summary>
/// The kinds of change <c>diff</c> reports, and whether each breaks a client generated from OLD.
/// "Request" covers parameters and request bodies (what the client sends); "response" what it reads.
/// </summary>
internal static class ChangeKinds
{
    /// <summary>Breaking: a method and path of OLD is gone from NEW.</summary>
    public const string OperationRemoved = "operation-removed";

    /// <summary>Breaking: the operationId lives at another method or path in NEW.</summary>
    public const string OperationMoved = "operation-moved";

    /// <summary>Breaking: same method and path, other operationId (the generated method's name changes).</summary>
    public const string OperationIdChanged = "operation-id-changed";

    /// <summary>Not breaking.</summary>
    public const string OperationAdded = "operation-added";

    /// <summary>Breaking: OLD clients do not send it.</summary>
    public const string ParameterAddedRequired = "parameter-added-required";

    /// <summary>Not breaking.</summary>
    public const string ParameterAddedOptional = "parameter-added-optional";

    /// <summary>Breaking: OLD clients still send it.</summary>
    public const string ParameterRemoved = "parameter-removed";

    /// <summary>Breaking: same place and schema, other name.</summary>
    public const string ParameterRenamed = "parameter-renamed";

    /// <summary>Breaking: same name, now in another place (query, path, header, cookie).</summary>
    public const string ParameterMoved = "parameter-moved";

    /// <summary>Breaking: the parameter's type (or format, or item type) changed.</summary>
    public const string ParameterTypeChanged = "parameter-type-changed";

    /// <summary>Breaking.</summary>
    public const string ParameterMadeRequired = "parameter-made-required";

    /// <summary>Not breaking.</summary>
    public const string ParameterMadeOptional = "parameter-made-optional";

    /// <summary>Breaking: OLD clients send no body.</summary>
    public const string RequestBodyAddedRequired = "request-body-added-required";

    /// <summary>Not breaking.</summary>
    public const string RequestBodyAddedOptional = "request-body-added-optional";

    /// <summary>Breaking: OLD clients still send one.</summary>
    public const string RequestBodyRemoved = "request-body-removed";

    /// <summary>Breaking.</summary>
    public const string RequestBodyMadeRequired = "request-body-made-required";

    /// <summary>Not breaking.</summary>
    public const string RequestBodyMadeOptional = "request-body-made-optional";

    /// <summary>Breaking: OLD clients send a media type NEW no longer accepts.</summary>
    public const string RequestMediaTypeRemoved = "request-media-type-removed";

    /// <summary>Not breaking.</summary>
    public const string RequestMediaTypeAdded = "request-media-type-added";

    /// <summary>Breaking: a request property OLD clients may leave out is now required.</summary>
    public const string RequestPropertyMadeRequired = "request-property-made-required";

    /// <summary>Not breaking.</summary>
    public const string RequestPropertyMadeOptional = "request-property-made-optional";

    /// <summary>Breaking: a new property OLD clients cannot send is required.</summary>
    public const string RequestPropertyAddedRequired = "request-property-added-required";

    /// <summary>Not breaking.</summary>
    public const string RequestPropertyAdded = "request-property-added";

    /// <summary>Breaking: OLD clients may still send it.</summary>
    public const string RequestPropertyRemoved = "request-property-removed";

    /// <summary>
    /// Breaking: NEW accepts fewer values (string to enum, number to integer, null no longer allowed, a oneOf
    /// variant removed, a format or pattern added, maxLength/maximum/maxItems lowered, min* raised).
    /// </summary>
    public const string RequestTypeNarrowed = "request-type-narrowed";

    /// <summary>Not breaking: NEW accepts more values (the opposites of <see cref="RequestTypeNarrowed"/>).</summary>
    public const string RequestTypeWidened = "request-type-widened";

    /// <summary>Breaking: the type changed to one neither wider nor narrower (string to integer).</summary>
    public const string RequestTypeChanged = "request-type-changed";

    /// <summary>Breaking: a value OLD clients may send is no longer accepted.</summary>
    public const string RequestEnumValueRemoved = "request-enum-value-removed";

    /// <summary>Not breaking.</summary>
    public const string RequestEnumValueAdded = "request-enum-value-added";

    /// <summary>Breaking: OLD clients read it.</summary>
    public const string ResponsePropertyRemoved = "response-property-removed";

    /// <summary>Not breaking.</summary>
    public const string ResponsePropertyAdded = "response-property-added";

    /// <summary>Breaking: OLD clients do not expect null.</summary>
    public const string ResponsePropertyMadeNullable = "response-property-made-nullable";

    /// <summary>Not breaking.</summary>
    public const string ResponsePropertyMadeNonNullable = "response-property-made-non-nullable";

    /// <summary>Breaking: OLD clients may rely on a required property being present.</summary>
    public const string ResponsePropertyMadeOptional = "response-property-made-optional";

    /// <summary>Not breaking.</summary>
    public const string ResponsePropertyMadeRequired = "response-property-made-required";

    /// <summary>Breaking: type or format changed, a closed enum became open, or a oneOf variant was added.</summary>
    public const string ResponseTypeChanged = "response-type-changed";

    /// <summary>Not breaking: NEW sends fewer shapes (a free-form value got a type, a oneOf variant removed).</summary>
    public const string ResponseTypeNarrowed = "response-type-narrowed";

    /// <summary>Breaking for a closed <c>enum</c> (OLD clients cannot read the value); not for <c>x-extensible-enum</c>.</summary>
    public const string ResponseEnumValueAdded = "response-enum-value-added";

    /// <summary>Not breaking.</summary>
    public const string ResponseEnumValueRemoved = "response-enum-value-removed";

    /// <summary>Breaking: any documented status of OLD, success or error.</summary>
    public const string ResponseStatusRemoved = "response-status-removed";

    /// <summary>Not breaking.</summary>
    public const string ResponseStatusAdded = "response-status-added";

    /// <summary>Breaking: OLD clients read a body of that media type for that status.</summary>
    public const string ResponseMediaTypeRemoved = "response-media-type-removed";

    /// <summary>Not breaking.</summary>
    public const string ResponseMediaTypeAdded = "response-media-type-added";

    /// <summary>Breaking: tokens made for OLD may lack the scope.</summary>
    public const string SecurityScopeAdded = "security-scope-added";

    /// <summary>Not breaking.</summary>
    public const string SecurityScopeRemoved = "security-scope-removed";

    private static readonly HashSet<string> Breaking = new(StringComparer.Ordinal)
    {
        OperationRemoved, OperationMoved, OperationIdChanged,
        ParameterAddedRequired, ParameterRemoved, ParameterRenamed, ParameterMoved, ParameterTypeChanged, ParameterMadeRequired,
        RequestBodyAddedRequired, RequestBodyRemoved, RequestBodyMadeRequired, RequestMediaTypeRemoved,
        RequestPropertyMadeRequired, RequestPropertyAddedRequired, RequestPropertyRemoved,
        RequestTypeNarrowed, RequestTypeChanged, RequestEnumValueRemoved,
        ResponsePropertyRemoved, ResponsePropertyMadeNullable, ResponsePropertyMadeOptional, ResponseTypeChanged,
        ResponseEnumValueAdded, ResponseStatusRemoved, ResponseMediaTypeRemoved,
        SecurityScopeAdded,
    };

    /// <summary>Whether <paramref name="kind"/> breaks OLD's clients (<see cref="ResponseEnumValueAdded"/> is decided per enum by the caller).</summary>
    public static bool IsBreaking(string kind) => Breaking.Contains(kind);
}
