namespace Sentry.OpenApi;

/// <summary>Makes pages from responses (used by the generated paging methods).</summary>
internal static class SentryPage
{
    /// <summary>A page of <paramref name="items"/> with the <c>Link</c> and rate-limit headers of <paramref name="response"/>.</summary>
    public static SentryPage<TItem> Create<TItem>(IEnumerable<TItem?>? items, HttpResponseMessage response)
        where TItem : class
    {
        // Several Link lines are one list (joined with ", "); the non-validating view neither parses nor copies them.
        var link = Compat.Headers.Joined(response.Headers, "Link");
        return new SentryPage<TItem>(WithoutNulls(items), SentryLinkHeader.Parse(link), SentryRateLimit.FromResponse(response), response.RequestMessage?.RequestUri);
    }

    // A list never holds null; item schemas that may be null elsewhere are skipped here. The deserialized list is
    // kept as it is when it has no null (the usual case): no second list per page.
    private static List<TItem> WithoutNulls<TItem>(IEnumerable<TItem?>? items)
        where TItem : class
    {
        if (items is List<TItem> deserialized && !deserialized.Contains(null!))
        {
            return deserialized;
        }

        var list = new List<TItem>(items is ICollection<TItem?> collection ? collection.Count : 0);
        foreach (var item in items ?? [])
        {
            if (item is not null)
            {
                list.Add(item);
            }
        }

        return list;
    }

    /// <summary>A page of an object body: its <paramref name="items"/>, and the whole <paramref name="body"/> beside them.</summary>
    public static SentryPage<TItem, TBody> Create<TItem, TBody>(IEnumerable<TItem?>? items, TBody body, HttpResponseMessage response)
        where TItem : class
    {
        var page = Create(items, response);
        return new SentryPage<TItem, TBody>(page.Items, page.Links, page.RateLimit, page.Source, body);
    }
}

/// <summary>One page of a cursor-paginated list: its items, the cursors around it, and the rate-limit values of its response.</summary>
/// <typeparam name="T">The item type.</typeparam>
public class SentryPage<T>
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

/// <summary>
/// One page of an operation whose body is an object holding the items beside other fields (Discover's
/// <c>{data, meta}</c>, sessions' <c>{groups, intervals, ...}</c>): the items, and the whole body.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <typeparam name="TBody">The body type.</typeparam>
public sealed class SentryPage<T, TBody> : SentryPage<T>
{
    /// <summary>Creates a page.</summary>
    public SentryPage(IReadOnlyList<T> items, SentryLinks links, SentryRateLimit? rateLimit, Uri? source, TBody body)
        : base(items, links, rateLimit, source)
    {
        Body = body;
    }

    /// <summary>The whole body of this page's response (e.g. Discover's <c>meta</c> with the field types).</summary>
    public TBody Body { get; }
}
