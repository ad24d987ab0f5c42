using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Sentry.OpenApi.Serialization;

namespace Sentry.Cli.Output;

/// <summary>
/// Where results and messages go: results on standard output (a table, or JSON with <c>--json</c>), hints,
/// progress and errors on standard error, so a script reading standard output only ever sees results.
/// </summary>
internal sealed class CliOutput(CliHost host, bool json)
{
    // The library's settings, so JSON is written back exactly as the client reads it (unknown fields kept).
    private static readonly JsonSerializer Indented = Serializer(Formatting.Indented);
    private static readonly JsonSerializer Compact = Serializer(Formatting.None);

    /// <summary>Whether <c>--json</c> was given.</summary>
    public bool Json { get; } = json;

    /// <summary>One JSON document (indented).</summary>
    public void Document(object? value)
    {
        Indented.Serialize(host.Output, value);
        host.Output.WriteLine();
    }

    /// <summary>One JSON value on one line (JSON lines).</summary>
    public void Line(object? value)
    {
        Compact.Serialize(host.Output, value);
        host.Output.WriteLine();
    }

    public void Table(Table table) => table.Write(host.Output, host.Width);

    public void Details(Details details) => details.Write(host.Output);

    /// <summary>One object: as a JSON document with <c>--json</c> (every field Sentry sent), else as details for people.</summary>
    public void Show<T>(T value, Func<T, Details> describe)
    {
        if (Json)
        {
            Document(value);
        }
        else
        {
            Details(describe(value));
        }
    }

    /// <summary>A line of text for people; Sentry's values in it must already be <see cref="TerminalText.Clean"/>.</summary>
    public void Text(string line) => host.Output.WriteLine(line);

    /// <summary>A hint or progress line on standard error.</summary>
    public void Note(string line) => host.Error.WriteLine(line);

    private static JsonSerializer Serializer(Formatting formatting)
    {
        var serializer = JsonSerializer.Create(SentryJson.Configure(new JsonSerializerSettings()));
        serializer.Formatting = formatting;
        // Times as Sentry writes them (UTC, 'Z'), not re-written with a +00:00 offset.
        serializer.Converters.Add(new IsoDateTimeConverter
        {
            DateTimeStyles = DateTimeStyles.AdjustToUniversal,
            DateTimeFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'",
        });
        return serializer;
    }
}
