using System.Diagnostics;
using System.Globalization;
using Sentry.Cli.Output;

namespace Sentry.Cli.Http;

/// <summary>
/// <c>--verbose</c>: logs each attempt that goes on the wire (so retries show) as method, URL, status and
/// time. Headers are never logged: the Authorization header carries the token.
/// </summary>
internal sealed class RequestLogHandler(TextWriter log) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = TerminalText.Clean(request.RequestUri?.AbsoluteUri);
        log.WriteLine($"> {request.Method} {url}");
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
            log.WriteLine($"< {(int)response.StatusCode} {TerminalText.Clean(response.ReasonPhrase)} ({elapsed} ms)");
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            log.WriteLine($"< failed: {TerminalText.Clean(e.Message)}");
            throw;
        }
    }
}
