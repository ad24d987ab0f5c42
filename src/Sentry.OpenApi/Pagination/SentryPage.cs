namespace Sentry.OpenApi;

/// <summary>One page of a cursor-paginated list: its items, the cursors around it, and the rate-limit values of its response.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class SentryPage<T>
{
    /// <summary>Creates a page.</summary>
    public SentryPage(IReadOnlyList<T> items, SentryLinks links, SentryRateLimit? rateLimit, Uri? source = null)
    {
        Source = source;
        Items = items;
        Links = links;
        RateLimit = rateLimit;
    }

    /// <summary>The URL this page was read from (its region's, when region routing is on).</summary>
    public Uri? Source { get; }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The parsed <c>Link</c> header.</summary>
    public SentryLinks Links { get; }

    /// <summary>The rate-limit headers of this page's response.</summary>
    public SentryRateLimit? RateLimit { get; }

    /// <summary>Whether Sentry reports a next page (<c>results="true"</c>).</summary>
    public bool HasNext => Links.HasNext;

    /// <summary>Whether Sentry reports a previous page.</summary>
    public bool HasPrevious => Links.HasPrevious;

    /// <summary>The cursor of the next page, or null when there is none.</summary>
    public string? NextCursor => HasNext ? Links.Next!.Cursor : null;

    /// <summary>The cursor of the previous page, or null when there is none.</summary>
    public string? PreviousCursor => HasPrevious ? Links.Previous!.Cursor : null;
}
