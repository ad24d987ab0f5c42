using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>
/// The response bodies every benchmark serves, built once from the spec's own examples (embedded from the
/// bundled spec): a 4.4 KB issue, the 5.3 KB event, the same event grown to about 108 KB, a page of 100 issues.
/// </summary>
public static class Payloads
{
    static Payloads()
    {
        // The parsed spec is dropped once the bodies are built: the flatness mode measures the heap.
        var examples = LoadExamples();
        Issue = Minified(Example(examples, "IssueDetailsPumpStation"));
        Event = Minified(Example(examples, "EventDetailsPumpStation"));
        LargeEvent = Minified(Grow((JObject)Example(examples, "EventDetailsPumpStation"), frames: 134, breadcrumbs: 100));
        IssuePage = Minified(PageOf((JArray)Example(examples, "IssueListUnresolved"), 100));
    }

    /// <summary><c>IssueDetailsPumpStation</c>, minified (about 4.4 KB).</summary>
    public static byte[] Issue { get; }

    /// <summary><c>EventDetailsPumpStation</c>, minified (about 5.3 KB).</summary>
    public static byte[] Event { get; }

    /// <summary>The same event with 134 stack frames and 100 breadcrumbs (about 108 KB): a real crash's size.</summary>
    public static byte[] LargeEvent { get; }

    /// <summary>A page of 100 issues: the items of <c>IssueListUnresolved</c> repeated with distinct ids.</summary>
    public static byte[] IssuePage { get; }

    /// <summary>The sizes, for the README and the console.</summary>
    public static string Describe() =>
        $"issue {Issue.Length:N0} B, event {Event.Length:N0} B, large event {LargeEvent.Length:N0} B, page of 100 issues {IssuePage.Length:N0} B";

    private static JToken Example(JObject examples, string name) =>
        examples[name]?["value"]?.DeepClone() ?? throw new InvalidOperationException($"The bundled spec has no example '{name}' (components/examples/{name}).");

    private static JObject LoadExamples()
    {
        using var stream = typeof(Payloads).Assembly.GetManifestResourceStream("sentry-api.json")
            ?? throw new InvalidOperationException("The bundled spec is not embedded; build src/Sentry.OpenApi first (it writes artifacts/spec/sentry-api.json).");
        using var reader = new JsonTextReader(new StreamReader(stream)) { DateParseHandling = DateParseHandling.None };
        var spec = JObject.Load(reader);
        return (JObject?)spec["components"]?["examples"] ?? throw new InvalidOperationException("The bundled spec has no components/examples.");
    }

    private static byte[] Minified(JToken value) => Encoding.UTF8.GetBytes(value.ToString(Formatting.None));

    private static JObject Grow(JObject evt, int frames, int breadcrumbs)
    {
        var entries = (JArray)evt["entries"]!;
        var stack = (JArray)entries.First(e => (string?)e["type"] == "stacktrace")["data"]!["frames"]!;
        var crumbs = (JArray)entries.First(e => (string?)e["type"] == "breadcrumbs")["data"]!["values"]!;
        Repeat(stack, frames, (frame, i) =>
        {
            frame["lineNo"] = 100 + i;
            frame["function"] = $"{frame["function"]}_{i}";
        });
        Repeat(crumbs, breadcrumbs, (crumb, i) => crumb["timestamp"] = $"2020-03-22T15:23:{i % 60:00}.{i:000000}Z");
        return evt;
    }

    private static JArray PageOf(JArray items, int count)
    {
        Repeat(items, count, (issue, i) =>
        {
            issue["id"] = (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            issue["shortId"] = $"PUMP-STATION-{1000 + i}";
        });
        return items;
    }

    // Fills the array up to count with copies of its own items, each adjusted so no two are equal.
    private static void Repeat(JArray array, int count, Action<JObject, int> adjust)
    {
        var originals = array.Children<JObject>().ToList();
        array.Clear();
        for (var i = 0; i < count; i++)
        {
            var copy = (JObject)originals[i % originals.Count].DeepClone();
            adjust(copy, i);
            array.Add(copy);
        }
    }
}
