namespace Sentry.OpenApi.Http;

/// <summary>
/// Bounds each HTTP attempt by <see cref="SentryApiClientOptions.Timeout"/>, from sending the request to
/// the last byte of the body: the response's content is handed on with the attempt's deadline attached,
/// so the body is streamed (never buffered whole) and still times out. A timeout surfaces as
/// <see cref="TimeoutException"/> (which the retry handler may retry while headers have not arrived); the
/// caller's own cancellation stays an <see cref="OperationCanceledException"/>. HttpClient.Timeout is not
/// used, because it cannot tell the two apart.
/// </summary>
internal sealed class AttemptTimeoutHandler(TimeSpan timeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var response = await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
            // The deadline now belongs to the body: disposed with it.
            response.Content = new DeadlineContent(response.Content, deadline, timeout);
            return response;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline.IsCancellationRequested)
        {
            deadline.Dispose();
            throw new TimeoutException($"{request.Method} {request.RequestUri?.AbsolutePath} did not answer within {timeout.TotalSeconds:0.###} s.", e);
        }
        catch
        {
            deadline.Dispose();
            throw;
        }
    }

    /// <summary>A response body whose reads end at the attempt's deadline.</summary>
    private sealed class DeadlineContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly CancellationTokenSource _deadline;
        private readonly TimeSpan _timeout;

        public DeadlineContent(HttpContent inner, CancellationTokenSource deadline, TimeSpan timeout)
        {
            _inner = inner;
            _deadline = deadline;
            _timeout = timeout;
            // Copied as they are stored: the validating view would parse each header and copy its values first.
            Compat.Headers.CopyTo(inner.Headers, Headers);
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => ReadBodyAsync(CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            using var body = await ReadBodyAsync(CancellationToken.None).ConfigureAwait(false);
            await body.CopyToAsync(stream).ConfigureAwait(false);
        }

#if NET
        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => ReadBodyAsync(cancellationToken);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            using var body = await ReadBodyAsync(cancellationToken).ConfigureAwait(false);
            await body.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
#endif

        private async Task<Stream> ReadBodyAsync(CancellationToken cancellationToken)
        {
            var body = new ResponseBodyStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
            body.TimeOutOn(_deadline.Token, _timeout);
            return body;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                _deadline.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
