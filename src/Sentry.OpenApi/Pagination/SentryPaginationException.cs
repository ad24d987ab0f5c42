namespace Sentry.OpenApi;

/// <summary>
/// A walk over all pages stopped because Sentry's paging misbehaved (it sent the same cursor again, which
/// would loop forever). <see cref="SentryApiException.Paging"/> says how far the walk got.
/// </summary>
public sealed class SentryPaginationException : SentryApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The paginated operation.</param>
    /// <param name="itemsDelivered">Items yielded before the stop.</param>
    /// <param name="pagesFetched">Pages read before the stop.</param>
    /// <param name="cursor">The cursor that repeated.</param>
    /// <param name="message">What happened.</param>
    public SentryPaginationException(string operation, int itemsDelivered, int pagesFetched, string? cursor, string message)
        : base(message, 200, method: null, path: null, detail: null, headers: null, responseBody: null)
    {
        Operation = operation;
        Paging = new SentryPagingProgress(operation, itemsDelivered, pagesFetched, cursor);
    }
}
