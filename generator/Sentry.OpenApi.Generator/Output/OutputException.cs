namespace Sentry.OpenApi.Generator.Output;

/// <summary>An output the tool cannot or must not write (exit code 2, one <c>error:</c> line naming the path).</summary>
internal sealed class OutputException(string message, Exception? inner = null) : Exception(message, inner);
