namespace Sentry.OpenApi.Generator.Diff;

/// <summary>
/// One place of an operation where schemas are compared (<c>request body</c>, <c>response 200 body</c>,
/// <c>parameter query status</c>): turns what a <see cref="SchemaComparer"/> sees into findings.
/// </summary>
internal sealed class DiffSite(DiffOperation operation, string prefix, List<DiffFinding> findings)
{
    /// <summary>How many findings the diff has so far (all sites): a comparison that adds none changed nothing.</summary>
    public int Reported => findings.Count;

    /// <summary>Adds a finding at <paramref name="path"/> (dotted, "" for the schema itself) below this site.</summary>
    public void Report(string kind, bool breaking, string path, string? detail, string pointer, string message)
    {
        var location = path.Length == 0 ? prefix : $"{prefix}: {path}";
        findings.Add(new DiffFinding(kind, breaking, operation, location, detail, pointer, $"{location}: {message}"));
    }
}
