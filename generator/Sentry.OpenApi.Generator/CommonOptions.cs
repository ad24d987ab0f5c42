using System.CommandLine;
using Sentry.OpenApi.Generator.Output;

namespace Sentry.OpenApi.Generator;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    /// <summary>The bundled spec the build writes; every command reads the bundle, never the split YAML.</summary>
    public static Option<FileInfo> Spec() => new("--spec")
    {
        Description = "The bundled OpenAPI JSON document.",
        DefaultValueFactory = _ => new FileInfo(Path.Combine("artifacts", "spec", "sentry-api.json")),
    };

    /// <summary>The C# file a code-writing command (known-values, contract-calls) writes.</summary>
    public static Option<FileInfo> CodeOutput() => new("--out") { Description = "The C# file to write.", Required = true };

    /// <summary>
    /// Writes <paramref name="code"/> to the <see cref="CodeOutput"/> file, whole or not at all, and only when it changed
    /// (so the build's incremental checks see an unchanged file as up to date); says which on standard output.
    /// </summary>
    public static void WriteCode(ParseResult parse, Option<FileInfo> output, string code, string? detail = null)
    {
        var target = parse.GetRequiredValue(output).FullName;
        var changed = AtomicFile.WriteIfChanged(target, code);
        parse.InvocationConfiguration.Output.WriteLine($"{(changed ? "wrote" : "unchanged")}: {target}{(detail is null ? "" : $" ({detail})")}");
    }
}

/// <summary>The tool's exit codes.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int BadInput = 2;
}
