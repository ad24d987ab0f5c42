using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Sentry.OpenApi.PackageTests;

/// <summary>
/// What the sandbox really serves, read with a plain <see cref="HttpClient"/> and JSON, never through the
/// library under test: the expectations of the smoke runs. Slugs are the examples of the spec's path parameters
/// (the sandbox answers those paths).
/// </summary>
public static partial class SandboxExpectations
{
    private static readonly JObject Spec = JObject.Parse(File.ReadAllText(RepositoryPaths.BundledSpec));

    public static string OrganizationSlug => (string)Spec.SelectToken("components.parameters.OrganizationSlug.example")!;

    public static string ProjectSlug => (string)Spec.SelectToken("components.parameters.ProjectSlug.example")!;

    /// <summary>Every issue of <c>GET organizations/{org}/issues/?query=is:unresolved</c>, following each <c>rel="next"; results="true"</c> link.</summary>
    public static async Task<IReadOnlyList<JObject>> UnresolvedIssuesAsync(Uri apiRoot, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var issues = new List<JObject>();
        var url = new Uri(apiRoot, $"organizations/{OrganizationSlug}/issues/?query=is%3Aunresolved");
        for (var pages = 0; url is not null; pages++)
        {
            Assert.That(pages, Is.LessThan(100), $"the sandbox's issue list did not end after 100 pages (at {url})");
            using var response = await http.GetAsync(url, cancellationToken);
            response.EnsureSuccessStatusCode();
            issues.AddRange(JArray.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).Cast<JObject>());
            url = response.Headers.TryGetValues("Link", out var links) ? NextPage(string.Join(", ", links)) : null;
        }

        return issues;
    }

    /// <summary>
    /// The stack traces of the latest event of <paramref name="issueId"/> as the README prints them: a header line
    /// (<c>exception Type: </c> per exception value, <c>stack trace of event ID: </c> per stacktrace entry) and the
    /// functions of the top three frames, innermost first, in-app ones only when there are any.
    /// </summary>
    public static async Task<IReadOnlyList<(string Header, IReadOnlyList<string> TopFrames)>> LatestEventTracesAsync(Uri apiRoot, string issueId, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var body = JObject.Parse(await http.GetStringAsync(new Uri(apiRoot, $"organizations/{OrganizationSlug}/issues/{issueId}/events/latest/"), cancellationToken));
        var entries = body["entries"]!.ToList();
        var exceptions = entries.Where(e => (string?)e["type"] == "exception")
            .SelectMany(e => e.SelectToken("data.values")?.Children() ?? Enumerable.Empty<JToken>())
            .Select(v => ($"exception {v["type"]}: ", TopFrames(v["stacktrace"])));
        var stacktraces = entries.Where(e => (string?)e["type"] == "stacktrace")
            .Select(e => ($"stack trace of event {body["eventID"]}: ", TopFrames(e["data"])));
        return exceptions.Concat(stacktraces).ToList();
    }

    private static IReadOnlyList<string> TopFrames(JToken? stacktrace)
    {
        var frames = (stacktrace?["frames"]?.Children() ?? Enumerable.Empty<JToken>()).ToList();
        var shown = frames.Any(f => (bool?)f["inApp"] == true) ? frames.Where(f => (bool?)f["inApp"] == true).ToList() : frames;
        return Enumerable.Reverse(shown).Take(3).Select(f => (string)f["function"]!).ToList();
    }

    private static Uri? NextPage(string linkHeader) => NextLink().Matches(linkHeader)
        .Where(m => m.Groups["results"].Value == "true")
        .Select(m => new Uri(m.Groups["url"].Value))
        .FirstOrDefault();

    [GeneratedRegex(@"<(?<url>[^>]+)>\s*;\s*rel=""next""\s*;\s*results=""(?<results>true|false)""")]
    private static partial Regex NextLink();
}
