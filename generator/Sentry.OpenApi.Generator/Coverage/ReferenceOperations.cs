namespace Sentry.OpenApi.Generator.Coverage;

/// <summary>
/// The operations Sentry's reference pages describe: spec/reference/operations.tsv, a tab-separated
/// table whose first line names the columns (method, path, sources, summary, parameters, status_codes).
/// </summary>
internal sealed record ReferenceOperation(string Method, string Path, string Summary, int Line, IReadOnlyList<string> StatusCodes)
{
    public override string ToString() => $"{Method} {Path}";

    public static IReadOnlyList<ReferenceOperation> Load(string file)
    {
        if (!File.Exists(file))
        {
            throw new Spec.SpecInputException($"{file}: reference operations file not found (pass --reference).");
        }

        var lines = File.ReadAllLines(file);
        if (lines.Length == 0)
        {
            throw new Spec.SpecInputException($"{file}:1: empty file; expected a header line `method<TAB>path<TAB>...`.");
        }

        var header = lines[0].Split('\t');
        var method = Array.IndexOf(header, "method");
        var path = Array.IndexOf(header, "path");
        var summary = Array.IndexOf(header, "summary");
        var statusCodes = Array.IndexOf(header, "status_codes");
        if (method < 0 || path < 0)
        {
            throw new Spec.SpecInputException($"{file}:1: the header must name the columns `method` and `path`; found `{lines[0]}`.");
        }

        var operations = new List<ReferenceOperation>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = lines[i].Split('\t');
            if (cells.Length <= Math.Max(method, path) || cells[path].Length == 0 || cells[method].Length == 0)
            {
                throw new Spec.SpecInputException($"{file}:{i + 1}: expected at least {Math.Max(method, path) + 1} tab-separated cells with a method and a path.");
            }

            var codes = statusCodes >= 0 && statusCodes < cells.Length
                ? cells[statusCodes].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            operations.Add(new ReferenceOperation(cells[method].Trim().ToUpperInvariant(), cells[path].Trim(),
                summary >= 0 && summary < cells.Length ? cells[summary] : "", i + 1, codes));
        }

        return operations;
    }
}
