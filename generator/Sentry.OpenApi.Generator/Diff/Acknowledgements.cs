using System.Text.RegularExpressions;
using Sentry.OpenApi.Generator.Spec;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sentry.OpenApi.Generator.Diff;

/// <summary>A breaking change made on purpose: the finding's id, why, and the line that says so.</summary>
internal sealed record Acknowledgement(string Id, string Reason, int Line);

/// <summary>
/// Reads the acknowledgements file (spec/breaking-changes.yaml):
/// <code>
/// acknowledged:
///   - id: "operation-removed:GET /api/0/x/"
///     reason: "Sentry removed the endpoint in 24.1."
/// </code>
/// Anything else (malformed YAML, an entry without id or reason, an unknown key, a repeated id) is bad input naming the line.
/// </summary>
internal static partial class Acknowledgements
{
    /// <summary>Used when <c>--acknowledgements</c> is not given and the file exists (relative to the repository root).</summary>
    public static readonly string DefaultPath = Path.Combine("spec", "breaking-changes.yaml");

    public static IReadOnlyList<Acknowledgement> Load(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpecInputException($"{file}: cannot read the acknowledgements file: {e.Message}", e);
        }

        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new SpecInputException($"{file}:{e.Start.Line}:{e.Start.Column}: malformed YAML: {Position().Replace(e.Message, "").TrimEnd('.')}; fix the acknowledgements file.", e);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return []; // an empty file acknowledges nothing
        }

        var root = yaml.Documents[0].RootNode as YamlMappingNode
            ?? throw Bad(file, yaml.Documents[0].RootNode, "expected a mapping with the key `acknowledged`");
        var unknown = root.Children.Keys.FirstOrDefault(k => Scalar(k) != "acknowledged");
        if (unknown is not null)
        {
            throw Bad(file, unknown, $"unknown key `{Scalar(unknown)}`; the file has one key, `acknowledged`");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("acknowledged"), out var list) || list is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        var entries = list as YamlSequenceNode ?? throw Bad(file, list, "`acknowledged` must be a list of entries with `id` and `reason`");
        var result = new List<Acknowledgement>();
        var byId = new Dictionary<string, Acknowledgement>(StringComparer.Ordinal);
        foreach (var node in entries)
        {
            if (node is not YamlMappingNode entry)
            {
                throw Bad(file, node, "each acknowledgement must be a mapping with `id` and `reason`");
            }

            if (entry.Children.Keys.FirstOrDefault(k => Scalar(k) is not ("id" or "reason")) is { } extra)
            {
                throw Bad(file, extra, $"unknown key `{Scalar(extra)}` in an acknowledgement; expected `id` and `reason`");
            }

            var id = Value(entry, "id");
            var reason = Value(entry, "reason");
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(reason))
            {
                throw Bad(file, entry, $"the acknowledgement needs a non-empty `{(string.IsNullOrWhiteSpace(id) ? "id" : "reason")}` (the finding's id and why the break is intended)");
            }

            var line = (int)entry.Start.Line;
            if (byId.TryGetValue(id, out var first))
            {
                throw Bad(file, entry, $"`{id}` is already acknowledged on line {first.Line}");
            }

            byId[id] = new Acknowledgement(id, reason, line);
            result.Add(byId[id]);
        }

        return result;
    }

    private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value;

    private static string? Value(YamlMappingNode entry, string key) =>
        entry.Children.TryGetValue(new YamlScalarNode(key), out var value) ? Scalar(value) : null;

    private static SpecInputException Bad(string file, YamlNode node, string problem) => new($"{file}:{node.Start.Line}: {problem}.");

    // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 40) - (Line: ...): "; the error names the line already.
    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex Position();
}
