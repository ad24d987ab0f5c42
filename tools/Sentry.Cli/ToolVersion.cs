using System.Reflection;

namespace Sentry.Cli;

/// <summary>The tool's version, for the User-Agent.</summary>
internal static class ToolVersion
{
    public static string Value { get; } =
        (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
