using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sentry.OpenApi.Generator.Diff;

/// <summary>The findings of one diff with their acknowledgements, and the acknowledgements that matched nothing.</summary>
internal sealed class DiffReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private DiffReport(string oldFile, string newFile, string? acknowledgementsFile, IReadOnlyList<ReportedFinding> findings, IReadOnlyList<Acknowledgement> stale)
    {
        OldFile = oldFile;
        NewFile = newFile;
        AcknowledgementsFile = acknowledgementsFile;
        Findings = findings;
        Stale = stale;
    }

    public string OldFile { get; }

    public string NewFile { get; }

    public string? AcknowledgementsFile { get; }

    public IReadOnlyList<ReportedFinding> Findings { get; }

    /// <summary>Acknowledgements whose id no finding has: the change was undone or the id is mistyped.</summary>
    public IReadOnlyList<Acknowledgement> Stale { get; }

    /// <summary>Breaking findings nobody acknowledged: these fail the run.</summary>
    public int Unacknowledged => Findings.Count(f => f.Finding.Breaking && f.Acknowledgement is null);

    public static DiffReport Create(string oldFile, string newFile, IReadOnlyList<DiffFinding> findings, string? acknowledgementsFile, IReadOnlyList<Acknowledgement> acknowledgements)
    {
        var byId = acknowledgements.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var reported = findings.Select(f => new ReportedFinding(f, byId.GetValueOrDefault(f.Id))).ToList();
        var ids = findings.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        return new DiffReport(oldFile, newFile, acknowledgementsFile, reported, acknowledgements.Where(a => !ids.Contains(a.Id)).ToList());
    }

    /// <summary>One line per stale acknowledgement, naming its file and line.</summary>
    public IEnumerable<string> Warnings() => Stale.Select(a =>
        $"warning: {AcknowledgementsFile}:{a.Line}: stale acknowledgement `{a.Id}` matches no finding; remove it (or fix the id).");

    /// <summary>The table: status (BREAKING, ack, ok), kind, operation, JSON pointer, message; then a summary line.</summary>
    public void WriteTable(TextWriter output)
    {
        var rows = Findings.Select(f => new[]
        {
            f.Finding.Breaking ? f.Acknowledgement is null ? "BREAKING" : "ack" : "ok",
            f.Finding.Kind,
            f.Finding.Operation.ToString(),
            f.Finding.Pointer,
            f.Finding.Message + (f.Acknowledgement is { } a ? $" (acknowledged: {a.Reason})" : ""),
        }).ToList();
        if (rows.Count > 0)
        {
            var header = new[] { "status", "kind", "operation", "where", "message" };
            var widths = Enumerable.Range(0, 4).Select(i => rows.Append(header).Max(r => r[i].Length)).ToArray();
            foreach (var row in rows.Prepend(header))
            {
                output.WriteLine(string.Join("  ", row.Take(4).Select((cell, i) => cell.PadRight(widths[i]))) + "  " + row[4]);
            }

            output.WriteLine();
        }

        var summary = Summary();
        output.WriteLine($"{summary.Findings} change(s): {summary.Breaking} breaking ({summary.Acknowledged} acknowledged, {summary.Unacknowledged} not), {summary.NotBreaking} not breaking.");
    }

    /// <summary>The JSON report: the inputs, a summary, every finding and the stale acknowledgements.</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        Old = OldFile,
        New = NewFile,
        Acknowledgements = AcknowledgementsFile,
        Summary = Summary(),
        Findings = Findings.Select(f => new
        {
            f.Finding.Id,
            f.Finding.Kind,
            f.Finding.Breaking,
            Acknowledged = f.Acknowledgement is not null,
            f.Acknowledgement?.Reason,
            Operation = new { f.Finding.Operation.OperationId, f.Finding.Operation.Method, f.Finding.Operation.Path },
            f.Finding.Location,
            f.Finding.Pointer,
            f.Finding.Message,
        }),
        StaleAcknowledgements = Stale.Select(a => new { a.Id, a.Reason, a.Line }),
    }, JsonOptions) + Environment.NewLine;

    private DiffSummary Summary()
    {
        var breaking = Findings.Count(f => f.Finding.Breaking);
        return new DiffSummary(Findings.Count, breaking, breaking - Unacknowledged, Unacknowledged, Findings.Count - breaking, Stale.Count, Unacknowledged == 0);
    }

    private sealed record DiffSummary(int Findings, int Breaking, int Acknowledged, int Unacknowledged, int NotBreaking, int StaleAcknowledgements, bool Passed);
}

/// <summary>A finding and the acknowledgement that covers it, if any.</summary>
internal sealed record ReportedFinding(DiffFinding Finding, Acknowledgement? Acknowledgement);
