using Sentry.OpenApi.Compat;

namespace Sentry.OpenApi.Http;

/// <summary>
/// What a request carries for the handlers of the pipeline: the operation it belongs to. Set by the
/// generated client on every request, read by pacing, retries and logs instead of matching URLs.
/// </summary>
internal static class SentryRequestOptions
{
    private const string OperationKey = "Sentry.OpenApi.Operation";

    public static void SetOperation(this HttpRequestMessage request, SentryOperation operation) =>
        RequestOptions.Set(request, OperationKey, operation);

    public static SentryOperation? GetOperation(this HttpRequestMessage request) =>
        RequestOptions.TryGet<SentryOperation>(request, OperationKey, out var operation) ? operation : null;
}
