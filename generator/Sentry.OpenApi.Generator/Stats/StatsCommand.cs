using System.CommandLine;
using System.Text.Json;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Stats;

/// <summary>`stats`: the size of the spec as an aligned table, or as JSON with <c>--json</c>.</summary>
internal static class StatsCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var spec = CommonOptions.Spec();
        var json = new Option<bool>("--json") { Description = "Print the same numbers as JSON." };
        var command = new Command("stats", "Count operations, paths, schemas, examples, paginated and deprecated operations, overall and per tag.")
        {
            spec, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var document = await SpecDocument.LoadAsync(parse.GetRequiredValue(spec).FullName, cancellationToken);
            var stats = SpecStats.Of(document);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(stats, Json) : Table(stats));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The totals, then one row per tag, columns aligned to the widest cell.</summary>
    public static string Table(SpecStats stats)
    {
        var totals = new (string Name, int Value)[]
        {
            ("operations", stats.Operations),
            ("paths", stats.Paths),
            ("schemas", stats.Schemas),
            ("examples", stats.Examples),
            ("paginated operations", stats.PaginatedOperations),
            ("deprecated operations", stats.DeprecatedOperations),
        };
        var labelWidth = totals.Max(t => t.Name.Length);
        var valueWidth = totals.Max(t => t.Value.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        var text = new System.Text.StringBuilder();
        foreach (var (name, value) in totals)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{name.PadRight(labelWidth)}  {value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(valueWidth)}");
        }

        text.AppendLine();
        string[] header = ["tag", "operations", "paginated", "examples"];
        var rows = stats.Tags
            .Select(t => new[] { t.Tag, Number(t.Operations), Number(t.Paginated), Number(t.Examples) })
            .Prepend(header)
            .ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            // The tag column left-aligned, numbers right-aligned.
            var cells = row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
            text.AppendLine(string.Join("  ", cells).TrimEnd());
        }

        return text.ToString().TrimEnd();
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
