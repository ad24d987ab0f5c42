using System.Runtime.CompilerServices;

namespace Sentry.OpenApi;

/// <summary>
/// The paging behind every generated <c>…PageAsync</c> and <c>…AllAsync</c> method: one call per
/// page, the page's <c>Link</c> header and rate-limit values read through a
/// <see cref="SentryResponseObserver"/>, and lazy walking with one page in memory at a time.
/// </summary>
internal static class SentryPager
{
    public static async Task<SentryPage<TItem>> PageAsync<TResult, TItem>(
        Func<CancellationToken, Task<TResult>> call, Func<TResult, IEnumerable<TItem?>?> items, CancellationToken cancellationToken)
        where TItem : class
    {
        var (result, observed) = await SentryResponseObserver.ObserveAsync(call, cancellationToken).ConfigureAwait(false);
        var links = SentryLinkHeader.Parse(observed.LinkHeader);
        // Item schemas that may be null elsewhere (Issue, Release...) make nullable list items in C#; a list never holds null.
        return new SentryPage<TItem>((items(result) ?? []).OfType<TItem>().ToList(), links, observed.RateLimit, observed.RequestUri);
    }

    public static async IAsyncEnumerable<TItem> AllAsync<TItem>(
        string baseUrl, Func<string?, CancellationToken, Task<SentryPage<TItem>>> fetch, int? maxItems, string operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (maxItems is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxItems), maxItems, "maxItems must be zero or more.");
        }

        var baseOrigin = new Uri(baseUrl).GetLeftPart(UriPartial.Authority);
        string? cursor = null;
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
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new SentryPaginationException(operation, delivered, pages, cursor,
                    $"{operation}: page {pages + 1} failed after {delivered} item(s) were delivered: {e.Message}", e);
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

            // A next link must stay on the origin the page came from (the base URL's, or the organization's
            // region when region routing is on): the token is never sent on to anywhere else.
            var origin = page.Source?.IsAbsoluteUri == true ? page.Source.GetLeftPart(UriPartial.Authority) : baseOrigin;
            var next = page.Links.Next!;
            if (!string.Equals(next.Url.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase))
            {
                throw new SentryPaginationException(operation, delivered, pages, next.Cursor,
                    $"{operation}: refused to follow a next link to {next.Url.GetLeftPart(UriPartial.Authority)}, which is not the API origin {origin}; the auth token is only sent to {origin}.");
            }

            if (next.Cursor == cursor)
            {
                throw new SentryPaginationException(operation, delivered, pages, cursor,
                    $"{operation}: Sentry returned the same cursor '{cursor}' again; stopping instead of looping.");
            }

            cursor = next.Cursor;
        }
    }
}
