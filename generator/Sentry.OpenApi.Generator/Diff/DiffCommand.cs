using System.CommandLine;
using Sentry.OpenApi.Generator.Output;
using Sentry.OpenApi.Generator.Spec;

namespace Sentry.OpenApi.Generator.Diff;

/// <summary>
/// `diff OLD NEW`: the changes between two bundled specs, each classified as breaking or not for a
/// client generated from OLD; exit 1 when a breaking change is not acknowledged in the acknowledgements file.
/// </summary>
internal static class DiffCommand
{
    public static Command Create()
    {
        var old = new Argument<FileInfo>("OLD") { Description = "The bundled OpenAPI JSON that clients were generated from." };
        var @new = new Argument<FileInfo>("NEW") { Description = "The bundled OpenAPI JSON to compare with it." };
        var json = new Option<string?>("--json")
        {
            Description = "Also write the report as JSON to this file; `-` writes the JSON to stdout instead of the table.",
            HelpName = "FILE",
        };
        var acknowledgements = new Option<FileInfo?>("--acknowledgements")
        {
            Description = $"YAML list of breaking changes made on purpose (default: {Acknowledgements.DefaultPath} when it exists).",
            HelpName = "FILE",
        };
        var command = new Command("diff", "Classify every change between two bundled specs as breaking or not for clients generated from OLD.")
        {
            old, @new, json, acknowledgements,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var oldFile = parse.GetRequiredValue(old).FullName;
            var newFile = parse.GetRequiredValue(@new).FullName;
            var (ackFile, acknowledged) = LoadAcknowledgements(parse.GetValue(acknowledgements));
            var before = await Load(oldFile, "OLD", cancellationToken);
            var after = await Load(newFile, "NEW", cancellationToken);

            var report = DiffReport.Create(oldFile, newFile, SpecComparer.Compare(before, after), ackFile, acknowledged);
            var jsonTarget = parse.GetValue(json);
            if (jsonTarget == "-")
            {
                await output.WriteAsync(report.ToJson());
            }
            else
            {
                if (jsonTarget is not null)
                {
                    WriteReport(jsonTarget, report.ToJson());
                }

                report.WriteTable(output);
            }

            foreach (var warning in report.Warnings())
            {
                await error.WriteLineAsync(warning);
            }

            return report.Unacknowledged > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteReport(string file, string json)
    {
        try
        {
            AtomicFile.WriteAllText(file, json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpecInputException($"{Path.GetFullPath(file)}: cannot write the JSON report: {e.Message}", e);
        }
    }

    private static async Task<SpecDocument> Load(string file, string role, CancellationToken cancellationToken)
    {
        // SpecDocument's own hint (build the solution) fits --spec, not a spec being compared.
        if (!File.Exists(file))
        {
            throw new SpecInputException($"{file}: file not found ({role}); pass the path of a bundled OpenAPI JSON document.");
        }

        var spec = await SpecDocument.LoadAsync(file, cancellationToken);

        // Comparing schemas merges allOf parts and follows variants: on a cycle that never ends (exit 2, not a hang).
        if (spec.Cycles.Count > 0)
        {
            var cycle = spec.Cycles[0];
            var others = spec.Cycles.Count == 1 ? "" : $" ({spec.Cycles.Count - 1} more: {string.Join("; ", spec.Cycles.Skip(1))})";
            throw new SpecInputException($"{file}: {cycle.Pointer}: schema cycle in {role}: {cycle.Explain()}{others}.");
        }

        return spec;
    }

    private static (string? File, IReadOnlyList<Acknowledgement> Entries) LoadAcknowledgements(FileInfo? named)
    {
        if (named is not null)
        {
            return File.Exists(named.FullName)
                ? (named.FullName, Acknowledgements.Load(named.FullName))
                : throw new SpecInputException($"{named.FullName}: acknowledgements file not found; fix the --acknowledgements path.");
        }

        var fallback = Path.GetFullPath(Acknowledgements.DefaultPath);
        return File.Exists(fallback) ? (fallback, Acknowledgements.Load(fallback)) : (null, []);
    }
}
