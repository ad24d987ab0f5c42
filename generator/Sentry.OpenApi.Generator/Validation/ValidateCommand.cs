using System.CommandLine;

namespace Sentry.OpenApi.Generator.Validation;

/// <summary>
/// `validate`: Microsoft.OpenApi's diagnostics and rules plus the project's own (SENTRY001-013) on the
/// bundled spec, each finding located in the split sources. Exit 1 when any error is found
/// (warnings alone pass), 2 for bad input.
/// </summary>
internal static class ValidateCommand
{
    private static readonly string DefaultSources = Path.Combine("spec", "openapi.yaml");
    private static readonly string DefaultSpec = Path.Combine("artifacts", "spec", "sentry-api.json");

    public static Command Create()
    {
        var spec = CommonOptions.Spec();
        var sources = new Option<FileInfo?>("--sources")
        {
            Description = "The split spec's root file (or its folder), to locate findings (file:line). Default: spec/openapi.yaml when checking "
                + "the default bundle; otherwise findings point into the bundle itself.",
        };
        var listRules = new Option<bool>("--list-rules") { Description = "List the rules with a one-line explanation each, and exit." };
        var command = new Command("validate", "Check the bundled spec: Microsoft.OpenApi's diagnostics and rules, and the project's own rules (see --list-rules).")
        {
            spec, sources, listRules,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(listRules))
            {
                foreach (var rule in ValidationRules.All)
                {
                    output.WriteLine($"{rule.Id,-13} {(rule.Severity == Severity.Error ? "error" : "warning"),-8} {rule.Explanation}");
                }

                return ExitCodes.Ok;
            }

            var specPath = parse.GetRequiredValue(spec).FullName;
            var defaultSpec = parse.GetResult(spec)?.Implicit != false || specPath == Path.GetFullPath(DefaultSpec);
            var report = await SpecValidator.RunAsync(specPath, SourcesFor(parse.GetValue(sources), defaultSpec), cancellationToken);
            foreach (var finding in report.Findings)
            {
                output.WriteLine(finding);
            }

            output.WriteLine($"validate: {report.Errors} error(s), {report.Warnings} warning(s); {report.Operations} operations, {report.ExamplesChecked} examples checked.");
            return report.Errors > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    // The default sources describe the default bundle only: a fixture's findings would land on unrelated lines.
    private static string? SourcesFor(FileInfo? named, bool defaultSpec)
    {
        if (named is not null)
        {
            // A folder means its openapi.yaml (`--sources spec`).
            return Directory.Exists(named.FullName) ? Path.Combine(named.FullName, "openapi.yaml") : named.FullName;
        }

        return defaultSpec && File.Exists(DefaultSources) ? Path.GetFullPath(DefaultSources) : null;
    }
}
