using System.Text.Json.Nodes;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>One operation of the bundle as raw JSON, with the pointers findings need.</summary>
internal sealed record BundleOperation(string Method, string Path, string Pointer, JsonObject Node, JsonObject PathItem, string PathItemPointer)
{
    public string OperationId => (Node["operationId"] as JsonValue)?.TryGetValue<string>(out var id) == true ? id : $"{Method} {Path}";

    public override string ToString() => $"{OperationId} ({Method} {Path})";
}
