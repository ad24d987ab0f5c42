namespace Sentry.OpenApi.Http;

/// <summary>
/// Bounds each HTTP attempt by <see cref="SentryApiClientOptions.Timeout"/>. A timeout surfaces as
/// <see cref="TimeoutException"/> (which the retry handler may retry); the caller's own cancellation
/// stays an <see cref="OperationCanceledException"/>. HttpClient.Timeout is not used, because it
/// cannot tell the two apart.
/// </summary>
internal sealed class AttemptTimeoutHandler(TimeSpan timeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            var response = await base.SendAsync(request, timeoutSource.Token).ConfigureAwait(false);
            // The generated clients read bodies synchronously (JsonTextReader), which no token can stop.
            // Buffering the body here, under the attempt's deadline, means a stalled body times out too;
            // deserialization then streams from memory without a string copy.
            try
            {
                await response.Content.LoadIntoBufferAsync().WaitAsync(timeoutSource.Token).ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            return response;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && timeoutSource.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.Method} {request.RequestUri?.PathAndQuery} did not complete within {timeout.TotalSeconds:0.###} s.", e);
        }
    }
}
