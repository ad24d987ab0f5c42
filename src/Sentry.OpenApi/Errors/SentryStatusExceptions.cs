namespace Sentry.OpenApi;

// One exception type per error status family, so callers catch what they can handle.
// The constructor arguments are those of SentryApiException.

/// <summary>400: the request was invalid; <see cref="FieldErrors"/> holds Sentry's per-field messages.</summary>
public sealed class SentryBadRequestException(string message, int statusCode, string? method, string? path, string? detail,
    IReadOnlyDictionary<string, IEnumerable<string>>? headers, string? responseBody,
    IReadOnlyDictionary<string, IReadOnlyList<string>> fieldErrors)
    : SentryApiException(message, statusCode, method, path, detail, headers, responseBody)
{
    /// <summary>Validation messages per request field, e.g. <c>slug</c> → <c>["This field is required."]</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors { get; } = fieldErrors;
}

/// <summary>401: no valid auth token was sent.</summary>
public sealed class SentryUnauthorizedException(string message, int statusCode, string? method, string? path, string? detail,
    IReadOnlyDictionary<string, IEnumerable<string>>? headers, string? responseBody)
    : SentryApiException(message, statusCode, method, path, detail, headers, responseBody);

/// <summary>403: the token lacks a scope or access to the resource.</summary>
public sealed class SentryForbiddenException(string message, int statusCode, string? method, string? path, string? detail,
    IReadOnlyDictionary<string, IEnumerable<string>>? headers, string? responseBody)
    : SentryApiException(message, statusCode, method, path, detail, headers, responseBody);

/// <summary>404: the resource does not exist or is not visible to the token.</summary>
public sealed class SentryNotFoundException(string message, int statusCode, string? method, string? path, string? detail,
    IReadOnlyDictionary<string, IEnumerable<string>>? headers, string? responseBody)
    : SentryApiException(message, statusCode, method, path, detail, headers, responseBody);

/// <summary>409: a resource with the same identity already exists.</summary>
public sealed class SentryConflictException(string message, int statusCode, string? method, string? path, string? detail,
    IReadOnlyDictionary<string, IEnumerable<string>>? headers, string? responseBody)
    : SentryApiException(message, statusCode, method, path, detail, headers, responseBody);

/// <summary>
/// 429: a rate limit was hit, either answered by Sentry (<see cref="SentryApiException.StatusCode"/> 429) or
/// foreseen by the client, which then did not send the call because the wait it needed was longer than the
/// call may wait (<see cref="SentryApiException.StatusCode"/> 0; see <see cref="SentryRetryOptions.MaxRateLimitWait"/>
/// and <see cref="SentryRetryOptions.TotalBudget"/>). <see cref="RetryAfter"/> says how long to wait, when known.
/// </summary>
public sealed class SentryRateLimitedException(string message, int statusCode, string? method, string? path, string? detail,
    IReadOnlyDictionary<string, IEnumerable<string>>? headers, string? responseBody, TimeSpan? retryAfter)
    : SentryApiException(message, statusCode, method, path, detail, headers, responseBody)
{
    /// <summary>
    /// The wait the call would have needed: <c>Retry-After</c> when sent, else the time until
    /// <c>X-Sentry-Rate-Limit-Reset</c> (for a call the client did not send, the time until the window it
    /// knows of resets); null when neither is known or usable (a header out of range is unknown), and for a
    /// call that gave up waiting for a <c>ConcurrentLimit</c> slot.
    /// </summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>5xx: Sentry failed to handle the request.</summary>
public sealed class SentryServerException(string message, int statusCode, string? method, string? path, string? detail,
    IReadOnlyDictionary<string, IEnumerable<string>>? headers, string? responseBody)
    : SentryApiException(message, statusCode, method, path, detail, headers, responseBody);
