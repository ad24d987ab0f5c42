namespace Sentry.OpenApi;

/// <summary>
/// A walk over all pages stopped: a page failed (see <see cref="Exception.InnerException"/>), or Sentry
/// sent a next link to another origin, which the client refuses to follow with the token. Says how
/// far the walk got, and the cursor to resume from.
/// </summary>
public sealed class SentryPaginationException(string operation, int itemsDelivered, int pagesFetched, string? cursor, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The paginated operation, e.g. <c>ListOrganizationIssues</c>.</summary>
    public string Operation { get; } = operation;

    /// <summary>How many items the walk yielded before it stopped.</summary>
    public int ItemsDelivered { get; } = itemsDelivered;

    /// <summary>How many pages were fetched successfully.</summary>
    public int PagesFetched { get; } = pagesFetched;

    /// <summary>The cursor of the page that was not delivered; pass it to the page method to resume.</summary>
    public string? Cursor { get; } = cursor;
}
