namespace Sentry.OpenApi.Generator.Diff;

/// <summary>The operation a finding belongs to, as OLD or NEW names it.</summary>
internal sealed record DiffOperation(string OperationId, string Method, string Path)
{
    public override string ToString() => $"{OperationId} ({Method} {Path})";
}

/// <summary>
/// One change between OLD and NEW. <see cref="Location"/> is the human-readable place
/// (<c>response 200 body: [].project.slug</c>); <see cref="Pointer"/> is the JSON pointer in NEW, or
/// in OLD when the thing was removed.
/// </summary>
internal sealed record DiffFinding(string Kind, bool Breaking, DiffOperation Operation, string? Location, string? Detail, string Pointer, string Message)
{
    /// <summary>
    /// Stable across runs, so acknowledgements can name it: <c>kind:METHOD path</c>, then <c>:location</c>
    /// and <c>:detail</c> (an enum value, a scope, a new path) where the kind needs them to be unique.
    /// </summary>
    public string Id => $"{Kind}:{Operation.Method} {Operation.Path}"
        + (Location is null ? "" : ":" + Location)
        + (Detail is null ? "" : ":" + Detail);
}
