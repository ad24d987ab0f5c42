namespace Sentry.OpenApi;

/// <summary>One entry of Sentry's <c>Link</c> header: <c>&lt;url&gt;; rel="next"; results="true"; cursor="0:100:0"</c>.</summary>
/// <param name="Url">The page's URL.</param>
/// <param name="Rel">The relation: <c>next</c> or <c>previous</c>.</param>
/// <param name="Results">Whether a page exists that way; <c>false</c> means none, whatever the URL says.</param>
/// <param name="Cursor">The cursor to pass as <c>cursor</c> for that page.</param>
public sealed record SentryLink(Uri Url, string Rel, bool Results, string? Cursor);

/// <summary>The previous and next links of a page; either may be absent.</summary>
public sealed record SentryLinks(SentryLink? Previous, SentryLink? Next)
{
    /// <summary>No Link header: a single page.</summary>
    public static SentryLinks None { get; } = new(null, null);

    /// <summary>A next page exists.</summary>
    public bool HasNext => Next is { Results: true, Cursor: not null };

    /// <summary>A previous page exists.</summary>
    public bool HasPrevious => Previous is { Results: true, Cursor: not null };
}
