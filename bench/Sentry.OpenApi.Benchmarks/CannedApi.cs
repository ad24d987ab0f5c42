using System.Globalization;

namespace Sentry.OpenApi.Benchmarks;

/// <summary>One canned answer: status, body and (for list pages) the <c>Link</c> header.</summary>
public readonly record struct CannedAnswer(int Status, byte[] Body, string? Link);

/// <summary>
/// The fake Sentry both transports serve: the same bytes and headers for the client and the raw baseline.
/// Routes: <c>organizations/acme/issues/1/</c> (the issue), <c>projects/acme/pump-station/events/small|large/</c>,
/// and <c>organizations/acme/issues/?cursor=0:N:0</c> (pages of 100 issues, <see cref="Pages"/> of them, linked
/// the way Sentry links them). Every answer carries the <c>X-Sentry-Rate-Limit-*</c> headers of a window that
/// never runs out, so pacing does its bookkeeping on every call but never waits.
/// </summary>
public sealed class CannedApi
{
    public const string IssuePath = "/api/0/organizations/acme/issues/1/";
    public const string SmallEventPath = "/api/0/projects/acme/pump-station/events/small/";
    public const string LargeEventPath = "/api/0/projects/acme/pump-station/events/large/";
    public const string IssuesPath = "/api/0/organizations/acme/issues/";
    public const int PageSize = 100;

    /// <summary>The rate-limit headers of every answer (names as Sentry sends them).</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> RateLimitHeaders =
    [
        new("X-Sentry-Rate-Limit-Limit", "1000000000"),
        new("X-Sentry-Rate-Limit-Remaining", "999999999"),
        new("X-Sentry-Rate-Limit-Reset", DateTimeOffset.UtcNow.AddDays(7).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        new("X-Sentry-Rate-Limit-ConcurrentLimit", "25"),
        new("X-Sentry-Rate-Limit-ConcurrentRemaining", "24"),
    ];

    private static readonly byte[] NotFound = """{"detail":"The requested resource does not exist"}"""u8.ToArray();

    // Up to this many pages the Link headers are built once, so the transport costs the same nothing on every call
    // of a benchmark; a longer list (the flatness walk) builds them per response, so the transport holds no table
    // that grows with the page count.
    private const int PrebuiltLinks = 100;
    private readonly string _origin;
    private readonly string[] _links;

    /// <param name="origin">The origin the Link URLs name (the transport's), e.g. <c>https://sentry.io</c>.</param>
    /// <param name="pages">How many pages the issue list has.</param>
    public CannedApi(string origin, int pages)
    {
        _origin = origin;
        Pages = pages;
        _links = pages <= PrebuiltLinks ? [.. Enumerable.Range(0, pages).Select(LinkOf)] : [];
    }

    public int Pages { get; }

    /// <summary>The answer to <c>GET</c> of <paramref name="path"/> with <paramref name="query"/> (with or without <c>?</c>).</summary>
    public CannedAnswer Respond(string path, string query) => path switch
    {
        IssuePath => new(200, Payloads.Issue, null),
        SmallEventPath => new(200, Payloads.Event, null),
        LargeEventPath => new(200, Payloads.LargeEvent, null),
        IssuesPath when PageOf(query) is { } page && page < Pages => new(200, Payloads.IssuePage, page < _links.Length ? _links[page] : LinkOf(page)),
        _ => new(404, NotFound, null),
    };

    // Sentry's own format.
    private string LinkOf(int page)
    {
        var previous = Cursor(page - 1 < 0 ? 0 : page - 1);
        var next = Cursor(page + 1);
        return $"<{_origin}{IssuesPath}?&cursor={previous}>; rel=\"previous\"; results=\"{(page > 0 ? "true" : "false")}\"; cursor=\"{previous}\", "
            + $"<{_origin}{IssuesPath}?&cursor={next}>; rel=\"next\"; results=\"{(page + 1 < Pages ? "true" : "false")}\"; cursor=\"{next}\"";
    }

    private static string Cursor(int page) => string.Create(CultureInfo.InvariantCulture, $"0:{page * PageSize}:0");

    // cursor=0:<offset>:0 → offset / 100; no cursor is the first page.
    private static int? PageOf(string query)
    {
        var at = query.IndexOf("cursor=", StringComparison.Ordinal);
        if (at < 0)
        {
            return 0;
        }

        var value = query.AsSpan(at + "cursor=".Length);
        var end = value.IndexOf('&');
        value = end < 0 ? value : value[..end];
        var text = Uri.UnescapeDataString(value.ToString()).Split(':');
        return text.Length == 3 && int.TryParse(text[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset / PageSize : null;
    }
}
