namespace Sentry.OpenApi.Http;

/// <summary>
/// What a request carries for the handlers of the pipeline: the operation it belongs to. Set by the
/// generated client on every request, read by pacing, retries and logs instead of matching URLs.
/// </summary>
internal static class SentryRequestOptions
{
    private static readonly HttpRequestOptionsKey<SentryOperation> OperationKey = new("Sentry.OpenApi.Operation");

    public static void SetOperation(this HttpRequestMessage request, SentryOperation operation) =>
        request.Options.Set(OperationKey, operation);

    public static SentryOperation? GetOperation(this HttpRequestMessage request) =>
        request.Options.TryGetValue(OperationKey, out var operation) ? operation : null;
}
