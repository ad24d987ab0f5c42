using System.CommandLine;

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
}

/// <summary>The tool's exit codes.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int BadInput = 2;
}
