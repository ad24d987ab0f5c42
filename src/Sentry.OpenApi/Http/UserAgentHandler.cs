namespace Sentry.OpenApi.Http;

/// <summary>
/// Sets the configured <c>User-Agent</c> on every request, replacing any default (an empty one sends none).
/// The value is checked with <see cref="ProblemWith"/> when the client is made, so it is one header value.
/// </summary>
internal sealed class UserAgentHandler(string userAgent) : DelegatingHandler
{
    /// <summary>
    /// Why <paramref name="value"/> cannot be a header value, or null when it can: printable ASCII, space
    /// and tab only (RFC 9110 field-value without obs-text, which .NET refuses to send anyway).
    /// </summary>
    public static string? ProblemWith(string? value)
    {
        if (value is null)
        {
            return "must not be null (an empty string sends no User-Agent).";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c != '\t' && (c < ' ' || c > '~'))
            {
                return $"contains U+{(int)c:X4} at index {i}; a header value is printable ASCII, spaces and tabs only (a line break would start another header).";
            }
        }

        return null;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.UserAgent.Clear();
        if (userAgent.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
