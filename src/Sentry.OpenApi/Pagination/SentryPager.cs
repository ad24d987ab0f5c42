using System.Runtime.CompilerServices;
using Sentry.OpenApi.Http;

namespace Sentry.OpenApi;

/// <summary>
/// The walk behind every generated <c>...AllAsync</c> method: one page call per cursor, lazily, one page
/// in memory at a time. A page that fails rethrows its own exception (so <c>catch (SentryNotFoundException)</c>
/// works in a walk) with <see cref="SentryApiException.Paging"/> saying how far the walk got and where to resume.
/// </summary>
internal static class SentryPager
{
    /// <summary>The key of <see cref="Exception.Data"/> holding the <see cref="SentryPagingProgress"/> of a non-API failure (e.g. a timeout).</summary>
    public const string ProgressKey = "Sentry.OpenApi.Paging";

    public static async IAsyncEnumerable<TItem> AllAsync<TItem>(
        SentryOperation operation, string? startCursor, Func<string?, CancellationToken, Task<SentryPage<TItem>>> fetch, int? maxItems,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (maxItems is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxItems), maxItems, "maxItems must be zero or more.");
        }

        var cursor = startCursor;
        var delivered = 0;
        var pages = 0;
        while (maxItems is null || delivered < maxItems)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SentryPage<TItem> page;
            try
            {
                page = await fetch(cursor, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (Attach(e, new SentryPagingProgress(operation.Id, delivered, pages, cursor)))
            {
                throw; // never reached: Attach returns false, so the exception goes on with its stack unchanged
            }

            pages++;
            foreach (var item in page.Items)
            {
                if (maxItems is not null && delivered >= maxItems)
                {
                    yield break;
                }

                delivered++;
                yield return item;
            }

            if (!page.HasNext)
            {
                yield break;
            }

            if (page.NextCursor == cursor)
            {
                throw new SentryPaginationException(operation.Id, delivered, pages, cursor,
                    $"{operation.Id}: Sentry returned the same cursor '{cursor}' again; stopping instead of looping.");
            }

            cursor = page.NextCursor;
        }
    }

    // An exception filter: records the progress on the exception as it passes, without catching it.
    private static bool Attach(Exception exception, SentryPagingProgress progress)
    {
        if (exception is SentryApiException api)
        {
            api.Paging ??= progress;
        }
        else if (exception is not OperationCanceledException)
        {
            exception.Data[ProgressKey] = progress;
        }

        return false;
    }
}
